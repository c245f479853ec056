import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type PasswordArea, passwordAreas } from './password-areas.ts';

/** S3: asks for a reset link. The answer never tells whether the address is known. */
export function ForgotPasswordPage({ area = 'customer' }: { area?: PasswordArea }) {
  const { t } = useTranslation();
  const paths = passwordAreas[area];
  const required = useRequired();
  const request = api.useMutation('post', paths.request);
  const form = useKontorForm({ initialValues: { email: '' }, validate: { email: required } });

  const send = form.submit(({ email }) => request.mutateAsync({ body: { email: email.trim() } }));

  return (
    <Paper maw={460} mx="auto" p="lg" withBorder>
      <PageTitle>{t('forgotPassword.title')}</PageTitle>
      {request.isSuccess ? (
        // The page's result ("we sent a link, valid 30 minutes"), so it stays on the page.
        <Alert color="green" variant="light" role="status" mb="md">
          {t('forgotPassword.sent')}
        </Alert>
      ) : (
        <>
          <Text mb="md">{t('forgotPassword.intro')}</Text>
          <FormErrorAlert alert={form.alert} />
          <form ref={form.formRef} onSubmit={send} noValidate>
            <Stack>
              <TextInput
                label={t('forgotPassword.email')}
                type="email"
                name="email"
                autoComplete="email"
                {...form.getInputProps('email')}
                key={form.key('email')}
                required
              />
              <Button type="submit" loading={form.submitting}>
                {t('forgotPassword.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Anchor component={Link} to={paths.signIn} size="sm" mt="md" display="inline-block">
        {t('links.backToSignIn')}
      </Anchor>
    </Paper>
  );
}
