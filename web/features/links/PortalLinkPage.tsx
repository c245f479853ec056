import { Paper } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { useLinkConfirmation } from './use-link-confirmation.ts';

/** P6: the desktop program opened this page; the link signs the user in once and opens their account. */
export function PortalLinkPage() {
  const { t } = useTranslation();
  const state = useLinkConfirmation('/api/v1/auth/portal-link');

  useEffect(() => {
    // A full load, so the whole app starts with the new session.
    if (state.status === 'confirmed') window.location.replace('/account');
  }, [state.status]);

  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <PageTitle>{t('portalLink.title')}</PageTitle>
      {(state.status === 'working' || state.status === 'confirmed') && (
        <Loading label={t('portalLink.working')} />
      )}
      {state.status === 'missing' && <LinkProblem missingText={t('portalLink.missing')} />}
      {state.status === 'failed' && <LinkProblem error={state.error} missingText={t('portalLink.missing')} />}
    </Paper>
  );
}
