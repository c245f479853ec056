import { Button, NativeSelect, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiBody, api } from '../../api/client.ts';
import { type CustomerSession, useCustomer, useSession } from '../../app/session.tsx';
import { changeLocale, currentLocale, isLocale, localeNames, locales } from '../../i18n/i18n.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { notifyDone } from '../../ui/notify.tsx';
import { PersonNameFields } from '../../ui/PersonNameFields.tsx';
import { salutationValue } from '../../ui/salutation.ts';

type User = Pick<CustomerSession['user'], 'salutation' | 'title' | 'firstName' | 'lastName' | 'locale'>;

const fields = ['salutation', 'title', 'firstName', 'lastName', 'locale'] as const;
type Values = Record<(typeof fields)[number], string>;

/** The form's values for what is stored; a language never chosen shows as the interface language. */
const storedValues = (user: User): Values => ({
  salutation: user.salutation ?? '',
  title: user.title ?? '',
  firstName: user.firstName,
  lastName: user.lastName,
  locale: isLocale(user.locale) ? user.locale : currentLocale(),
});

/** The signed-in person's own name, title, salutation and language (PATCH /api/v1/me). */
export function MyDetailsForm() {
  const { t } = useTranslation();
  const { user } = useCustomer();
  const { customerUserChanged } = useSession();
  const queryClient = useQueryClient();
  const required = useRequired();
  const save = api.useMutation('patch', '/api/v1/me');
  const form = useKontorForm<Values>({
    initialValues: storedValues(user),
    validate: { firstName: required, lastName: required },
  });

  // Only what the person changed is kept; every other field follows the session (e.g. the header's
  // language switcher). `form` is a new object on every render, so only the stored values are a dependency.
  const storedKey = JSON.stringify(storedValues(user));
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the stored values change, see above
  useEffect(() => {
    const before = form.getInitialValues();
    if (JSON.stringify(before) === storedKey) return;
    const next = JSON.parse(storedKey) as Values;
    const values = form.getValues();
    form.setInitialValues(next);
    for (const name of fields) if (values[name] === before[name]) form.setFieldValue(name, next[name]);
  }, [storedKey]);

  const send = async (values: Values) => {
    const stored = storedValues(user);
    const changes: ApiBody<'/api/v1/me', 'patch'> = {};
    if (values.salutation !== stored.salutation) changes.salutation = salutationValue(values.salutation);
    if (values.title.trim() !== stored.title) changes.title = values.title.trim() || null;
    if (values.firstName.trim() !== stored.firstName) changes.firstName = values.firstName.trim();
    if (values.lastName.trim() !== stored.lastName) changes.lastName = values.lastName.trim();
    // The language is sent when the person picked one other than the stored one (none counts as other).
    if (form.isTouched('locale') && isLocale(values.locale) && values.locale !== user.locale) {
      changes.locale = values.locale;
    }
    if (Object.keys(changes).length > 0) {
      const saved = await save.mutateAsync({ body: changes });
      const locale = isLocale(saved.locale) ? saved.locale : null;
      const next = storedValues({ ...saved, locale });
      form.setInitialValues(next);
      form.setValues(next);
      form.resetTouched();
      customerUserChanged({
        salutation: saved.salutation,
        title: saved.title,
        firstName: saved.firstName,
        lastName: saved.lastName,
        locale,
      });
      // The account's users list shows the name; the audit log has the change.
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/users'] });
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/audit'] });
      // The interface follows the language the person chose for their messages (and says "saved" in it).
      if (locale && locale !== currentLocale()) await changeLocale(locale);
    } else {
      form.setValues(stored);
    }
    notifyDone(t('myDetails.saved'));
  };

  return (
    <>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
        <Stack maw={560}>
          <PersonNameFields form={form} />
          <NativeSelect
            label={t('myDetails.locale')}
            description={t('myDetails.localeHint')}
            name="locale"
            data={locales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
            {...form.getInputProps('locale')}
            key={form.key('locale')}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('myDetails.save')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
