import { Button, Paper, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { takeLinkToken } from '../../app/link-token.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from '../links/LinkProblem.tsx';
import { useLinkCheck } from '../links/link-check.ts';
import { NewPasswordFields, usePasswordRules } from '../password/NewPasswordFields.tsx';

const noContext: string[] = [];

/** Issue 16: an invited operator chooses their password with the e-mailed link, then signs in. */
export function OperatorInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [token] = useState(takeLinkToken);
  const check = useLinkCheck('/api/v1/operator/invitation/check', token);
  const rules = usePasswordRules(noContext);
  const form = useKontorForm({
    initialValues: { password: '', passwordRepeat: '' },
    validate: { password: rules.password, passwordRepeat: rules.repeat('password') },
  });
  const accept = api.useMutation('post', '/api/v1/operator/invitation/accept');

  const save = form.submit(async ({ password }) => {
    if (!token) return;
    const { email } = await accept.mutateAsync({ body: { token, password } });
    await navigate({ to: '/operator/sign-in', state: { email, invitationAccepted: true } });
  });

  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <PageTitle>{t('operatorInvitation.title')}</PageTitle>
      {check.status === 'checking' && <Loading label={t('links.checking')} />}
      {(check.status === 'missing' || check.status === 'invalid') && (
        <LinkProblem
          error={check.status === 'invalid' ? check.error : undefined}
          missingText={t('links.missingToken')}
          signIn="/operator/sign-in"
        />
      )}
      {check.status === 'valid' && (
        <>
          <Text mb="md">{t('operatorInvitation.intro')}</Text>
          <FormErrorAlert alert={form.alert} />
          <form ref={form.formRef} onSubmit={save} noValidate>
            <Stack>
              <NewPasswordFields
                rules={rules}
                label={t('operatorInvitation.password')}
                repeatLabel={t('password.repeat')}
                password={form.getInputProps('password')}
                repeat={form.getInputProps('passwordRepeat')}
              />
              <Button type="submit" loading={form.submitting}>
                {t('operatorInvitation.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
    </Paper>
  );
}
