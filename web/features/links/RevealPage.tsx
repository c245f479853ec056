import { Alert, Anchor, Button, Paper } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../api/client.ts';
import { takeLinkToken } from '../../app/link-token.ts';
import { CredentialList } from '../../ui/CredentialList.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { isLinkError, useLinkCheck } from './link-check.ts';

// Set in this tab once the credentials were shown (never the credentials themselves): a reload then says
// "already shown" instead of "incomplete link", since the token left the address bar with the reveal.
const revealedKey = 'kontor.credentialsRevealed';
const remembered = () => {
  try {
    return sessionStorage.getItem(revealedKey) === '1';
  } catch {
    return false;
  }
};
const remember = () => {
  try {
    sessionStorage.setItem(revealedKey, '1');
  } catch {
    // Without storage a reload says "incomplete link"; nothing else changes.
  }
};

/** U2: the program credentials behind a single-use link, shown once on request. */
export function RevealPage() {
  const { t } = useTranslation();
  const [token] = useState(takeLinkToken);
  const check = useLinkCheck('/api/v1/credentials/reveal/check', token);
  // Revealing uses the link up, so it is only ever the person's click (never an effect React may repeat).
  // gcTime 0: the credentials leave the mutation cache with the page.
  const revealing = api.useMutation('post', '/api/v1/credentials/reveal', { onSuccess: remember, gcTime: 0 });
  const credentials = revealing.data;
  const error = revealing.error ? asApiError(revealing.error) : null;

  const reveal = () => {
    if (token && !revealing.isPending) revealing.mutate({ body: { token } });
  };

  const used =
    error?.code === 'LINK_USED' ||
    (check.status === 'invalid' && check.error.code === 'LINK_USED') ||
    (check.status === 'missing' && remembered());

  return (
    <Paper maw={600} mx="auto" p="lg" withBorder>
      <PageTitle>{t('reveal.title')}</PageTitle>
      {credentials ? (
        <>
          <Alert color="yellow" variant="light" mb="md">
            {t('reveal.storeNow')}
          </Alert>
          <CredentialList credentials={credentials} />
          <Anchor component={Link} to="/sign-in" mt="lg" display="inline-block">
            {t('links.goToSignIn')}
          </Anchor>
        </>
      ) : used ? (
        <>
          <Alert color="blue" variant="light" role="status" title={t('reveal.alreadyShownTitle')} mb="md">
            {t('reveal.alreadyShown')}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t('links.goToSignIn')}
          </Anchor>
        </>
      ) : error && isLinkError(error) ? (
        <LinkProblem error={error} missingText={t('links.missingToken')} />
      ) : (
        <>
          {check.status === 'checking' && <Loading label={t('links.checking')} />}
          {check.status === 'missing' && <LinkProblem missingText={t('links.missingToken')} />}
          {check.status === 'invalid' && (
            <LinkProblem error={check.error} missingText={t('links.missingToken')} />
          )}
          {check.status === 'valid' && (
            <>
              <Alert color="yellow" variant="light" title={t('reveal.onceTitle')} mb="md">
                {t('reveal.warning')}
              </Alert>
              <ErrorAlert message={error?.message} />
              <Button onClick={reveal} loading={revealing.isPending}>
                {t('reveal.show')}
              </Button>
            </>
          )}
        </>
      )}
    </Paper>
  );
}
