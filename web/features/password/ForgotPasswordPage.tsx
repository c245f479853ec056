import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useFormErrors } from '../../ui/form-errors.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type PasswordArea, passwordAreas } from './password-areas.ts';

const fields = ['email'] as const;

/** S3: asks for a reset link. The answer never tells whether the address is known. */
export function ForgotPasswordPage({ area = 'customer' }: { area?: PasswordArea }) {
  const { t } = useTranslation();
  const paths = passwordAreas[area];
  const errors = useFormErrors(fields);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (email.trim() === '') return errors.show(t('errors.checkFields'), { email: t('errors.required') });
    errors.clear();
    setBusy(true);
    try {
      await api.post(paths.request, { email: email.trim() });
      setSent(true);
    } catch (error) {
      errors.showApiError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper maw={460} mx="auto" p="lg" withBorder>
      <PageTitle>{t('forgotPassword.title')}</PageTitle>
      {sent ? (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('forgotPassword.sent')}
        </Alert>
      ) : (
        <>
          <Text mb="md">{t('forgotPassword.intro')}</Text>
          <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
          <form ref={errors.formRef} onSubmit={submit} noValidate>
            <Stack>
              <TextInput
                label={t('forgotPassword.email')}
                type="email"
                name="email"
                autoComplete="email"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={errors.fields.email}
                required
              />
              <Button type="submit" loading={busy}>
                {t('forgotPassword.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Anchor component={Link} href={paths.signIn} size="sm" mt="md" display="inline-block">
        {t('links.backToSignIn')}
      </Anchor>
    </Paper>
  );
}
