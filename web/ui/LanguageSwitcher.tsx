import { Group, Select, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError, client } from '../api/client.ts';
import { useSession } from '../app/session.tsx';
import { changeLocale, currentLocale, isLocale, type Locale, localeNames, locales } from '../i18n/i18n.ts';

const options = locales.map((locale) => ({ value: locale, label: localeNames[locale] }));

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { customer, operator, customerUserChanged, operatorSignedIn } = useSession();
  const id = useId();

  const choose = async (locale: Locale) => {
    // A signed-in customer user's language is stored too: the server writes its messages and e-mails in it,
    // before the browser's. It is stored first, so pages that load again on the switch get the new language.
    // Operators' too: their e-mails and the server's messages to them follow it.
    try {
      if (customer && customer.user.locale !== locale) {
        const { data: user } = await client.PATCH('/api/v1/me', { body: { locale } });
        if (user) customerUserChanged({ locale });
      } else if (operator && operator.locale !== locale) {
        const { data } = await client.PATCH('/api/v1/operator/me', { body: { locale } });
        if (data) operatorSignedIn(data.operator);
      }
    } catch (error) {
      // A 401 ends the session in the query client; anything else leaves the stored language as it was.
      if (asApiError(error).status !== 401) console.warn('The language could not be stored', error);
    }
    await changeLocale(locale);
  };

  return (
    <Group gap="xs" wrap="nowrap">
      <Text component="label" htmlFor={id} size="sm">
        {t('layout.language')}
      </Text>
      <Select
        id={id}
        data={options}
        value={currentLocale()}
        onChange={(value) => {
          if (isLocale(value)) void choose(value);
        }}
        allowDeselect={false}
        size="xs"
        w={120}
      />
    </Group>
  );
}
