import { Alert, Button, Paper } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { useLinkConfirmation } from './use-link-confirmation.ts';

/** A2: the link of the welcome e-mail; opening it confirms the address and opens the customer account. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const state = useLinkConfirmation('/api/v1/auth/confirm-email');

  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <PageTitle>{t('confirmEmail.title')}</PageTitle>
      {state.status === 'working' && <Loading label={t('confirmEmail.working')} />}
      {state.status === 'missing' && <LinkProblem missingText={t('links.missingToken')} />}
      {state.status === 'failed' && <LinkProblem error={state.error} missingText={t('links.missingToken')} />}
      {state.status === 'confirmed' && (
        <>
          {/* The page's result, so it stays on the page rather than in a passing notification. */}
          <Alert color="green" variant="light" role="status" mb="md">
            {t('confirmEmail.done', { customerNumber: state.result.customerNumber })}
          </Alert>
          <Button component={Link} to="/sign-in">
            {t('confirmEmail.signIn')}
          </Button>
        </>
      )}
    </Paper>
  );
}
