import { Alert, Button, Paper } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { useLinkConfirmation } from './use-link-confirmation.ts';

/** S3: the link sent to the new address; opening it makes the new address the user's. */
export function ConfirmEmailChangePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { customer, recheck } = useSession();
  const state = useLinkConfirmation('/api/v1/auth/confirm-email-change');
  const confirmed = state.status === 'confirmed';

  // The session (the account area's "e-mail address") and the user lists still hold the old address; the
  // session may even have been read before the change, so it is asked for again.
  useEffect(() => {
    if (!confirmed) return;
    void recheck();
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/users'] });
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/audit'] });
  }, [confirmed, recheck, queryClient]);

  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <PageTitle>{t('confirmEmailChange.title')}</PageTitle>
      {state.status === 'working' && <Loading label={t('confirmEmailChange.working')} />}
      {state.status === 'missing' && <LinkProblem missingText={t('links.missingToken')} />}
      {state.status === 'failed' && <LinkProblem error={state.error} missingText={t('links.missingToken')} />}
      {state.status === 'confirmed' && (
        <>
          <Alert color="green" variant="light" role="status" mb="md">
            {t('confirmEmailChange.done', { email: state.result.email })}
          </Alert>
          <Button component={Link} to={customer ? '/account' : '/sign-in'}>
            {customer ? t('confirmEmailChange.toAccount') : t('confirmEmailChange.signIn')}
          </Button>
        </>
      )}
    </Paper>
  );
}
