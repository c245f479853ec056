import { Group, Select, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLocale, currentLocale, isLocale, localeNames, locales } from '../i18n/i18n.ts';

const options = locales.map((locale) => ({ value: locale, label: localeNames[locale] }));

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const id = useId();
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
          if (isLocale(value)) void changeLocale(value);
        }}
        allowDeselect={false}
        size="xs"
        w={120}
      />
    </Group>
  );
}
