import { Alert, Button, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { useLinkConfirmation } from './use-link-confirmation.ts';

/** S3: the link sent to the new address; opening it makes the new address the user's. */
export function ConfirmEmailChangePage() {
  const { t } = useTranslation();
  const { customer } = useSession();
  const state = useLinkConfirmation<{ email: string }>('/api/v1/auth/confirm-email-change');

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
          {/* The account area asks the server again, so it shows the new address. */}
          <Button component={Link} href={customer ? '/account' : '/sign-in'}>
            {customer ? t('confirmEmailChange.toAccount') : t('confirmEmailChange.signIn')}
          </Button>
        </>
      )}
    </Paper>
  );
}
