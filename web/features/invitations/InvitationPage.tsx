import { Alert, Button, DataList, Group, Paper, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, type ApiResult, asApiError, client } from '../../api/client.ts';
import { takeLinkToken } from '../../app/link-token.ts';
import { usePermissionNames } from '../../app/permissions.ts';
import { type CustomerSession, useSession } from '../../app/session.tsx';
import { useSwitchedSession } from '../../app/use-switch-account.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from '../links/LinkProblem.tsx';
import { CreateIdentityForm } from './CreateIdentityForm.tsx';

type Preview = ApiResult<'/api/v1/invitations/check', 'post'>;
type Check =
  | { status: 'checking' }
  | { status: 'valid'; preview: Preview }
  | { status: 'invalid'; error: ApiError };

/**
 * M1: the page an invitation e-mail opens. The invited person signs in with their own login (the link
 * waits in memory meanwhile) and accepts, or without one creates a personal login; an invitation is bound
 * to the address it was sent to.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const [token] = useState(takeLinkToken);
  const [check, setCheck] = useState<Check>({ status: 'checking' });
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    client.POST('/api/v1/invitations/check', { body: { token } }).then(
      ({ data }) => !cancelled && data && setCheck({ status: 'valid', preview: data }),
      (error: unknown) => !cancelled && setCheck({ status: 'invalid', error: asApiError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  return (
    <Paper maw={560} mx="auto" p="lg" withBorder>
      <PageTitle>{t('invitation.title')}</PageTitle>
      {!token && <LinkProblem missingText={t('links.missingToken')} />}
      {token && check.status === 'checking' && <Loading />}
      {token && check.status === 'invalid' && (
        <LinkProblem error={check.error} missingText={t('links.missingToken')} />
      )}
      {token && check.status === 'valid' && <Offer token={token} preview={check.preview} />}
    </Paper>
  );
}

function Offer({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { customer, signOut } = useSession();
  const adopt = useSwitchedSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const permissionNames = usePermissionNames();
  const permissions = permissionNames(preview.permissions);
  const signedInAs = customer?.user.email ?? null;
  const toSignIn = () => navigate({ to: '/sign-in', state: { next: '/invitation' } });

  const joined = async (session: CustomerSession) => {
    adopt(session);
    notifyDone(t('invitation.accepted', { companyName: preview.companyName }));
    await navigate({ to: '/account' });
  };
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await client.POST('/api/v1/invitations/accept', { body: { token } });
      if (data) await joined(data);
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Text mb="md">{t('invitation.intro', preview)}</Text>
      <DataList labelWidth={200} withDivider mb="lg">
        {[
          [t('account.company'), preview.companyName],
          [t('account.customerNumber'), preview.customerNumber],
          [t('invitation.for'), preview.email],
          [t('account.permissions'), permissions],
        ].map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <ErrorAlert message={error} />
      {signedInAs === preview.email && (
        <Button onClick={accept} loading={busy}>
          {t('invitation.accept')}
        </Button>
      )}
      {signedInAs !== null && signedInAs !== preview.email && (
        <>
          <Alert color="yellow" variant="light" mb="md">
            {t('invitation.otherAddress', { signedInAs, email: preview.email })}
          </Alert>
          <Button onClick={() => signOut().then(toSignIn)}>{t('invitation.signInOther')}</Button>
        </>
      )}
      {signedInAs === null && preview.hasIdentity && (
        <Group>
          <Button onClick={toSignIn}>{t('invitation.signIn')}</Button>
        </Group>
      )}
      {signedInAs === null && !preview.hasIdentity && (
        <CreateIdentityForm token={token} email={preview.email} onJoined={joined} />
      )}
    </>
  );
}
