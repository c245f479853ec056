import { Anchor, Button, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { currentLocale, isLocale, localeNames, locales } from '../../i18n/i18n.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PersonNameFields } from '../../ui/PersonNameFields.tsx';
import { salutationValue } from '../../ui/salutation.ts';
import { NewPasswordFields, usePasswordRules } from '../password/NewPasswordFields.tsx';

const localeOptions = locales.map((locale) => ({ value: locale, label: localeNames[locale] }));

/** A2: a company registers its customer account; the person registering becomes its owner. */
export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const required = useRequired();
  const register = api.useMutation('post', '/api/v1/auth/register');
  const form = useKontorForm({
    initialValues: {
      companyName: '',
      salutation: '',
      title: '',
      firstName: '',
      lastName: '',
      username: '',
      email: '',
      password: '',
      passwordRepeat: '',
      // Empty: follow the interface language until the person picks one.
      locale: '',
    },
    validate: {
      companyName: required,
      firstName: required,
      lastName: required,
      username: required,
      email: required,
      // `rules` below needs the typed names; these run only on blur and submit, when it is there.
      password: (value) => rules.password(value),
      passwordRepeat: (value, values) => rules.repeat('password')(value, values),
    },
  });
  const values = form.getValues();
  const rules = usePasswordRules([
    values.firstName,
    values.lastName,
    values.username,
    values.companyName,
    values.email,
  ]);
  const locale = isLocale(values.locale) ? values.locale : currentLocale();

  const send = form.submit(async (typed) => {
    const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
    const email = typed.email.trim();
    await register.mutateAsync({
      body: {
        companyName: typed.companyName.trim(),
        salutation: salutationValue(typed.salutation) ?? undefined,
        title: optional(typed.title),
        firstName: typed.firstName.trim(),
        lastName: typed.lastName.trim(),
        username: typed.username.trim(),
        email,
        password: typed.password,
        locale,
      },
    });
    await navigate({ to: '/register/check-email', state: { email } });
  });

  return (
    <Paper maw={640} mx="auto" p="lg" withBorder>
      <PageTitle>{t('register.title')}</PageTitle>
      <Text mb="md">{t('register.intro')}</Text>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={send} noValidate>
        <Stack>
          <TextInput
            label={t('register.companyName')}
            name="companyName"
            autoComplete="organization"
            {...form.getInputProps('companyName')}
            key={form.key('companyName')}
            required
          />
          <PersonNameFields form={form} />
          <TextInput
            label={t('register.username')}
            description={t('register.usernameHint')}
            name="username"
            autoComplete="off"
            {...form.getInputProps('username')}
            key={form.key('username')}
            required
          />
          <TextInput
            label={t('register.email')}
            type="email"
            name="email"
            autoComplete="email"
            {...form.getInputProps('email')}
            key={form.key('email')}
            required
          />
          <NewPasswordFields
            rules={rules}
            label={t('register.password')}
            repeatLabel={t('password.repeat')}
            password={form.getInputProps('password')}
            repeat={form.getInputProps('passwordRepeat')}
          />
          <NativeSelect
            label={t('register.locale')}
            description={t('register.localeHint')}
            name="locale"
            data={localeOptions}
            {...form.getInputProps('locale')}
            key={form.key('locale')}
            value={locale}
          />
          <Button type="submit" loading={form.submitting}>
            {t('register.submit')}
          </Button>
        </Stack>
      </form>
      <Text size="sm" mt="md">
        {t('register.haveCredentials')}{' '}
        <Anchor component={Link} to="/sign-in" inherit>
          {t('register.signIn')}
        </Anchor>
      </Text>
    </Paper>
  );
}
