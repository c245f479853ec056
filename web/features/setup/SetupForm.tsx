import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { currentLocale, isLocale, localeNames, locales } from '../../i18n/i18n.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { NewPasswordFields, usePasswordRules } from '../password/NewPasswordFields.tsx';

const localeOptions = locales.map((locale) => ({ value: locale, label: localeNames[locale] }));

type SetupValues = { name: string; email: string; password: string; passwordRepeat: string; locale: string };

export function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const required = useRequired();
  const form = useKontorForm<SetupValues>({
    // locale '': follow the interface language until the operator picks one.
    initialValues: { name: '', email: '', password: '', passwordRepeat: '', locale: '' },
    validate: {
      name: required,
      email: required,
      // The rules know the name and e-mail typed so far (the server checks the password against them too).
      password: (value) => rules.password(value),
      passwordRepeat: (value, values) => rules.repeat('password')(value, values),
    },
  });
  const rules = usePasswordRules([form.values.name, form.values.email]);
  const setup = api.useMutation('post', '/api/v1/operator/setup');
  const chosen = form.values.locale;
  const locale = isLocale(chosen) ? chosen : currentLocale();

  const submit = form.submit(async (values) => {
    const email = values.email.trim();
    await setup.mutateAsync({
      body: { token, name: values.name.trim(), email, password: values.password, locale },
    });
    await navigate({ to: '/operator/sign-in', state: { email, setupDone: true } });
  });

  return (
    <>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            {...form.getInputProps('name')}
            key={form.key('name')}
            label={t('setup.name')}
            name="name"
            autoComplete="name"
            required
          />
          <TextInput
            {...form.getInputProps('email')}
            key={form.key('email')}
            label={t('setup.email')}
            type="email"
            name="email"
            autoComplete="email"
            required
          />
          <NewPasswordFields
            rules={rules}
            label={t('setup.password')}
            repeatLabel={t('setup.passwordRepeat')}
            password={form.getInputProps('password')}
            repeat={form.getInputProps('passwordRepeat')}
          />
          <NativeSelect
            {...form.getInputProps('locale')}
            key={form.key('locale')}
            value={locale}
            label={t('setup.locale')}
            description={t('setup.localeDescription')}
            name="locale"
            data={localeOptions}
          />
          <Button type="submit" loading={form.submitting}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
