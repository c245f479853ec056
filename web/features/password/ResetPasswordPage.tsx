import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { takeLinkToken } from '../../app/link-token.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useFormErrors } from '../../ui/form-errors.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from '../links/LinkProblem.tsx';
import { useLinkCheck } from '../links/link-check.ts';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields.tsx';
import { type PasswordArea, passwordAreas } from './password-areas.ts';

const fields = ['password', 'passwordRepeat'] as const;
// Whose link it is stays on the server; the server also checks the person's own data.
const noContext: string[] = [];

export function ResetPasswordPage({ area = 'customer' }: { area?: PasswordArea }) {
  const { t } = useTranslation();
  const paths = passwordAreas[area];
  const [token] = useState(takeLinkToken);
  const check = useLinkCheck(paths.check, token);
  const { signedOut } = useSession();
  const errors = useFormErrors(fields);
  const newPassword = useNewPassword(noContext);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const requestNew = { href: paths.forgot, label: t('resetPassword.requestNew') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = newPassword.validate(t);
    if (found.password || found.repeat) {
      return errors.show(t('errors.checkFields'), { password: found.password, passwordRepeat: found.repeat });
    }
    errors.clear();
    setBusy(true);
    try {
      await api.post(paths.complete, { token, password: newPassword.password });
      signedOut(); // every session of the person has ended, this browser's included
      setDone(true);
    } catch (error) {
      errors.showApiError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <PageTitle>{t('resetPassword.title')}</PageTitle>
      {done ? (
        <>
          <Alert color="green" variant="light" role="status" mb="md">
            {t('resetPassword.done')}
          </Alert>
          <Button component={Link} href={paths.signIn}>
            {t('resetPassword.signIn')}
          </Button>
        </>
      ) : (
        <>
          {check.status === 'checking' && <Loading label={t('links.checking')} />}
          {check.status === 'missing' && (
            <LinkProblem missingText={t('links.missingToken')} requestNew={requestNew} />
          )}
          {check.status === 'invalid' && (
            <LinkProblem error={check.error} missingText={t('links.missingToken')} requestNew={requestNew} />
          )}
          {check.status === 'valid' && (
            <>
              <Text mb="md">{t('resetPassword.intro')}</Text>
              <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
              <form ref={errors.formRef} onSubmit={submit} noValidate>
                <Stack>
                  <NewPasswordFields
                    state={newPassword}
                    label={t('resetPassword.password')}
                    repeatLabel={t('password.repeat')}
                    errors={{ password: errors.fields.password, repeat: errors.fields.passwordRepeat }}
                  />
                  <Button type="submit" loading={busy}>
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
