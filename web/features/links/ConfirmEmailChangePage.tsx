import { Alert, Button, Paper } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api } from '../../app/api.ts';
import { takeLinkToken } from '../../app/link-token.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { toApiError } from './link-check.ts';

type Confirmation =
  | { status: 'missing' }
  | { status: 'working' }
  | { status: 'confirmed'; email: string }
  | { status: 'failed'; error: ApiError };

// As on /confirm-email: one request per token while it runs, even when React runs the effect twice.
const confirmations = new Map<string, Promise<{ email: string }>>();

function confirm(token: string) {
  let confirmation = confirmations.get(token);
  if (!confirmation) {
    confirmation = api.post<{ email: string }>('/api/v1/auth/confirm-email-change', { token });
    confirmations.set(token, confirmation);
    const forget = () => confirmations.delete(token);
    confirmation.then(forget, forget);
  }
  return confirmation;
}

/** S3: the link sent to the new address; opening it makes the new address the user's. */
export function ConfirmEmailChangePage() {
  const { t } = useTranslation();
  const { customer } = useSession();
  const [token] = useState(takeLinkToken);
  const [state, setState] = useState<Confirmation>(token ? { status: 'working' } : { status: 'missing' });

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    confirm(token).then(
      ({ email }) => {
        if (!cancelled) setState({ status: 'confirmed', email });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', error: toApiError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <PageTitle>{t('confirmEmailChange.title')}</PageTitle>
      {state.status === 'working' && <Loading label={t('confirmEmailChange.working')} />}
      {state.status === 'missing' && <LinkProblem missingText={t('links.missingToken')} />}
      {state.status === 'failed' && <LinkProblem error={state.error} missingText={t('links.missingToken')} />}
      {state.status === 'confirmed' && (
        <>
          <Alert color="green" variant="light" role="status" mb="md">
            {t('confirmEmailChange.done', { email: state.email })}
          </Alert>
          {/* The account area asks the server again, so it shows the new address. */}
          <Button component={Link} href={customer ? '/account' : '/sign-in'}>
            {customer ? t('confirmEmailChange.toAccount') : t('confirmEmailChange.signIn')}
          </Button>
        </>
      )}
    </Paper>
  );
}
