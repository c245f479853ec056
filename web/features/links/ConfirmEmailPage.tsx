import { Alert, Button, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { useLinkConfirmation } from './use-link-confirmation.ts';

export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const state = useLinkConfirmation<{ customerNumber: string }>('/api/v1/auth/confirm-email');

  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <PageTitle>{t('confirmEmail.title')}</PageTitle>
      {state.status === 'working' && <Loading label={t('confirmEmail.working')} />}
      {state.status === 'missing' && <LinkProblem missingText={t('links.missingToken')} />}
      {state.status === 'failed' && <LinkProblem error={state.error} missingText={t('links.missingToken')} />}
      {state.status === 'confirmed' && (
        <>
          <Alert color="green" variant="light" role="status" mb="md">
            {t('confirmEmail.done', { customerNumber: state.result.customerNumber })}
          </Alert>
          <Button component={Link} href="/sign-in">
            {t('confirmEmail.signIn')}
          </Button>
        </>
      )}
    </Paper>
  );
}
