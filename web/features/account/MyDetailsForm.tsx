import { Alert, Button, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../app/api.ts';
import { type CustomerSession, useSession } from '../../app/session.tsx';
import { changeLocale, currentLocale, isLocale, localeNames, locales } from '../../i18n/i18n.ts';
import { nameAutoComplete, nameFields } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type FieldErrors, useFormErrors } from '../../ui/form-errors.ts';
import { salutationOptions, salutationValue } from '../../ui/salutation.ts';

const fields = ['salutation', 'title', 'firstName', 'lastName', 'locale'] as const;
type Field = (typeof fields)[number];
type User = CustomerSession['user'];

/** The signed-in person's own name, title, salutation and language (PATCH /api/v1/me). */
export function MyDetailsForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const { customerUserChanged, signedOut } = useSession();
  const errors = useFormErrors(fields);
  // Only what the person typed is kept here; everything else follows the session (e.g. the header's switcher).
  const [edits, setEdits] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const stored: Record<Field, string> = {
    salutation: user.salutation ?? '',
    title: user.title ?? '',
    firstName: user.firstName,
    lastName: user.lastName,
    locale: isLocale(user.locale) ? user.locale : currentLocale(),
  };
  const values = { ...stored, ...edits };

  const input = (name: 'title' | 'firstName' | 'lastName', label: string) => ({
    label,
    name,
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const { value } = event.currentTarget;
      setDone(false);
      setEdits((current) => ({ ...current, [name]: value }));
    },
    error: errors.fields[name],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const found: FieldErrors<Field> = {};
    if (values.firstName.trim() === '') found.firstName = t('errors.required');
    if (values.lastName.trim() === '') found.lastName = t('errors.required');
    if (Object.keys(found).length > 0) return errors.show(t('errors.checkFields'), found);
    errors.clear();
    const locale = isLocale(values.locale) ? values.locale : currentLocale();
    const changes: Record<string, string | null> = {};
    if (values.salutation !== stored.salutation) changes.salutation = salutationValue(values.salutation);
    if (values.title.trim() !== stored.title) changes.title = values.title.trim() || null;
    if (values.firstName.trim() !== stored.firstName) changes.firstName = values.firstName.trim();
    if (values.lastName.trim() !== stored.lastName) changes.lastName = values.lastName.trim();
    if (edits.locale !== undefined && edits.locale !== user.locale) changes.locale = locale;
    if (Object.keys(changes).length === 0) {
      setEdits({});
      return setDone(true);
    }
    setBusy(true);
    try {
      const saved = await api.patch<User>('/api/v1/me', changes);
      customerUserChanged({
        salutation: saved.salutation,
        title: saved.title,
        firstName: saved.firstName,
        lastName: saved.lastName,
        locale: saved.locale,
      });
      setEdits({});
      setDone(true);
      // The interface follows the language the person chose for their messages.
      if (isLocale(saved.locale) && saved.locale !== currentLocale()) await changeLocale(saved.locale);
    } catch (error) {
      if (asApiError(error).status === 401) return signedOut();
      errors.showApiError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {done && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('myDetails.saved')}
        </Alert>
      )}
      <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <Stack maw={560}>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NativeSelect
              label={t('users.salutation')}
              name="salutation"
              data={salutationOptions(t)}
              value={values.salutation}
              onChange={(event) => {
                const { value } = event.currentTarget;
                setDone(false);
                setEdits((current) => ({ ...current, salutation: value }));
              }}
              error={errors.fields.salutation}
            />
            <TextInput
              {...input('title', t('users.personTitle'))}
              description={t('register.personTitleHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autoComplete="honorific-prefix"
            />
            {nameFields().map((name) => (
              <TextInput
                key={name}
                {...input(name, t(`users.${name}`))}
                autoComplete={nameAutoComplete[name]}
                required
              />
            ))}
          </SimpleGrid>
          <NativeSelect
            label={t('myDetails.locale')}
            description={t('myDetails.localeHint')}
            name="locale"
            data={locales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
            value={values.locale}
            onChange={(event) => {
              const { value } = event.currentTarget;
              setDone(false);
              setEdits((current) => ({ ...current, locale: value }));
            }}
            error={errors.fields.locale}
          />
          <Button type="submit" loading={busy} w="fit-content">
            {t('myDetails.save')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
