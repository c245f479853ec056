import { Alert, Button, Paper } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api.ts';
import { api } from '../../app/api.ts';
import { takeLinkToken } from '../../app/link-token.ts';
import { Link } from '../../app/router.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { toApiError } from './link-check.ts';

type Confirmation =
  | { status: 'missing' }
  | { status: 'working' }
  | { status: 'confirmed'; customerNumber: string }
  | { status: 'failed'; error: ApiError };

// A confirmation uses the link up: one request per token while it runs, even when React runs the effect
// twice. Once answered, opening the link again asks again (and learns that it has been used).
const confirmations = new Map<string, Promise<{ customerNumber: string }>>();

function confirm(token: string) {
  let confirmation = confirmations.get(token);
  if (!confirmation) {
    confirmation = api.post<{ customerNumber: string }>('/api/v1/auth/confirm-email', { token });
    confirmations.set(token, confirmation);
    const forget = () => confirmations.delete(token);
    confirmation.then(forget, forget);
  }
  return confirmation;
}

export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const [token] = useState(takeLinkToken);
  const [state, setState] = useState<Confirmation>(token ? { status: 'working' } : { status: 'missing' });

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    confirm(token).then(
      ({ customerNumber }) => {
        if (!cancelled) setState({ status: 'confirmed', customerNumber });
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
      <PageTitle>{t('confirmEmail.title')}</PageTitle>
      {state.status === 'working' && <Loading label={t('confirmEmail.working')} />}
      {state.status === 'missing' && <LinkProblem missingText={t('links.missingToken')} />}
      {state.status === 'failed' && <LinkProblem error={state.error} missingText={t('links.missingToken')} />}
      {state.status === 'confirmed' && (
        <>
          <Alert color="green" variant="light" role="status" mb="md">
            {t('confirmEmail.done', { customerNumber: state.customerNumber })}
          </Alert>
          <Button component={Link} href="/sign-in">
            {t('confirmEmail.signIn')}
          </Button>
        </>
      )}
    </Paper>
  );
}
