import { Anchor, Button, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { Link, navigate } from '../../app/router.tsx';
import { currentLocale, type Locale, localeNames, locales } from '../../i18n/i18n.ts';
import { nameAutoComplete, nameFields } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type FieldErrors, useFormErrors } from '../../ui/form-errors.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { salutationOptions, salutationValue } from '../../ui/salutation.ts';
import { NewPasswordFields, useNewPassword } from '../password/NewPasswordFields.tsx';
import type { CheckEmailState } from './CheckEmailPage.tsx';

const fields = [
  'companyName',
  'salutation',
  'title',
  'firstName',
  'lastName',
  'username',
  'email',
  'password',
  'passwordRepeat',
  'locale',
] as const;
type Field = (typeof fields)[number];
const requiredFields = ['companyName', 'firstName', 'lastName', 'username', 'email'] as const;
const localeOptions = locales.map((locale) => ({ value: locale, label: localeNames[locale] }));

/** A2: a company registers its customer account; the person registering becomes its owner. */
export function RegisterPage() {
  const { t } = useTranslation();
  const errors = useFormErrors(fields);
  const [values, setValues] = useState<Record<(typeof requiredFields)[number] | 'title', string>>({
    companyName: '',
    title: '',
    firstName: '',
    lastName: '',
    username: '',
    email: '',
  });
  const [salutation, setSalutation] = useState('');
  // null: follow the interface language until the person picks one.
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const locale = chosenLocale ?? currentLocale();
  const newPassword = useNewPassword([
    values.firstName,
    values.lastName,
    values.username,
    values.companyName,
    values.email,
  ]);
  const [busy, setBusy] = useState(false);

  const text = (name: keyof typeof values, label: string, extra: { description?: string } = {}) => ({
    label,
    name,
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const { value } = event.currentTarget;
      setValues((current) => ({ ...current, [name]: value }));
    },
    error: errors.fields[name],
    ...extra,
  });

  const validate = (): FieldErrors<Field> => {
    const found: FieldErrors<Field> = {};
    for (const name of requiredFields) if (values[name].trim() === '') found[name] = t('errors.required');
    const password = newPassword.validate(t);
    if (password.password) found.password = password.password;
    if (password.repeat) found.passwordRepeat = password.repeat;
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    if (Object.keys(found).length > 0) return errors.show(t('errors.checkFields'), found);
    errors.clear();
    setBusy(true);
    const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
    const body = {
      companyName: values.companyName.trim(),
      salutation: salutationValue(salutation) ?? undefined,
      title: optional(values.title),
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      username: values.username.trim(),
      email: values.email.trim(),
      password: newPassword.password,
      locale,
    };
    try {
      await api.post('/api/v1/auth/register', body);
      const handOver: CheckEmailState = { email: body.email };
      navigate('/register/check-email', { state: handOver });
    } catch (error) {
      errors.showApiError(error);
      setBusy(false);
    }
  };

  return (
    <Paper maw={640} mx="auto" p="lg" withBorder>
      <PageTitle>{t('register.title')}</PageTitle>
      <Text mb="md">{t('register.intro')}</Text>
      <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            {...text('companyName', t('register.companyName'))}
            autoComplete="organization"
            required
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NativeSelect
              label={t('register.salutation')}
              name="salutation"
              data={salutationOptions(t)}
              value={salutation}
              onChange={(event) => setSalutation(event.currentTarget.value)}
              error={errors.fields.salutation}
            />
            <TextInput
              {...text('title', t('register.personTitle'), { description: t('register.personTitleHint') })}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autoComplete="honorific-prefix"
            />
            {nameFields().map((name) => (
              <TextInput
                key={name}
                {...text(name, t(`register.${name}`))}
                autoComplete={nameAutoComplete[name]}
                required
              />
            ))}
          </SimpleGrid>
          <TextInput
            {...text('username', t('register.username'), { description: t('register.usernameHint') })}
            autoComplete="off"
            required
          />
          <TextInput {...text('email', t('register.email'))} type="email" autoComplete="email" required />
          <NewPasswordFields
            state={newPassword}
            label={t('register.password')}
            repeatLabel={t('password.repeat')}
            errors={{ password: errors.fields.password, repeat: errors.fields.passwordRepeat }}
          />
          <NativeSelect
            label={t('register.locale')}
            description={t('register.localeHint')}
            name="locale"
            data={localeOptions}
            value={locale}
            onChange={(event) => setChosenLocale(event.currentTarget.value as Locale)}
            error={errors.fields.locale}
          />
          <Button type="submit" loading={busy}>
            {t('register.submit')}
          </Button>
        </Stack>
      </form>
      <Text size="sm" mt="md">
        {t('register.haveCredentials')}{' '}
        <Anchor component={Link} href="/sign-in" inherit>
          {t('register.signIn')}
        </Anchor>
      </Text>
    </Paper>
  );
}
