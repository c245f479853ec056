import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { takeLinkToken } from '../../app/link-token.ts';
import { useSession } from '../../app/session.tsx';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from '../links/LinkProblem.tsx';
import { useLinkCheck } from '../links/link-check.ts';
import { NewPasswordFields, usePasswordRules } from './NewPasswordFields.tsx';
import { type PasswordArea, passwordAreas } from './password-areas.ts';

// Whose link it is stays on the server; the server also checks the person's own data.
const noContext: string[] = [];

/** S3: a new password with the e-mailed link (also the main user's first password, and the operators'). */
export function ResetPasswordPage({ area = 'customer' }: { area?: PasswordArea }) {
  const { t } = useTranslation();
  const paths = passwordAreas[area];
  const [token] = useState(takeLinkToken);
  const check = useLinkCheck(paths.check, token);
  const { signedOut } = useSession();
  const rules = usePasswordRules(noContext);
  const form = useKontorForm({
    initialValues: { password: '', passwordRepeat: '' },
    validate: { password: rules.password, passwordRepeat: rules.repeat('password') },
  });
  const [done, setDone] = useState(false);
  const requestNew = { to: paths.forgot, label: t('resetPassword.requestNew') };

  const complete = api.useMutation('post', paths.complete);

  const save = form.submit(async ({ password }) => {
    if (!token) return;
    await complete.mutateAsync({ body: { token, password } });
    signedOut(); // every session of the person has ended, this browser's included
    setDone(true);
  });

  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <PageTitle>{t('resetPassword.title')}</PageTitle>
      {done ? (
        <>
          {/* The page's result, so it stays on the page rather than in a passing notification. */}
          <Alert color="green" variant="light" role="status" mb="md">
            {t('resetPassword.done')}
          </Alert>
          <Button component={Link} to={paths.signIn}>
            {t('resetPassword.signIn')}
          </Button>
        </>
      ) : (
        <>
          {check.status === 'checking' && <Loading label={t('links.checking')} />}
          {check.status === 'missing' && (
            <LinkProblem
              missingText={t('links.missingToken')}
              requestNew={requestNew}
              signIn={paths.signIn}
            />
          )}
          {check.status === 'invalid' && (
            <LinkProblem
              error={check.error}
              missingText={t('links.missingToken')}
              requestNew={requestNew}
              signIn={paths.signIn}
            />
          )}
          {check.status === 'valid' && (
            <>
              <Text mb="md">{t('resetPassword.intro')}</Text>
              <FormErrorAlert alert={form.alert} />
              <form ref={form.formRef} onSubmit={save} noValidate>
                <Stack>
                  <NewPasswordFields
                    rules={rules}
                    label={t('resetPassword.password')}
                    repeatLabel={t('password.repeat')}
                    password={form.getInputProps('password')}
                    repeat={form.getInputProps('passwordRepeat')}
                  />
                  <Button type="submit" loading={form.submitting}>
                    {t('resetPassword.submit')}
                  </Button>
                </Stack>
              </form>
            </>
          )}
        </>
      )}
    </Paper>
  );
}
