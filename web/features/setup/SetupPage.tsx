import { Anchor, Paper, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, asApiError, client } from '../../api/client.ts';
import { takeLinkToken } from '../../app/link-token.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { SetupForm } from './SetupForm.tsx';

type LinkCheck = { status: 'checking' } | { status: 'valid' } | { status: 'invalid'; error: ApiError | null };

const setupLinkErrors = ['SETUP_LINK_INVALID', 'SETUP_LINK_USED', 'SETUP_LINK_EXPIRED'] as const;
type SetupLinkError = (typeof setupLinkErrors)[number];
const isSetupLinkError = (code: string): code is SetupLinkError =>
  (setupLinkErrors as readonly string[]).includes(code);

/** The server's reason; a known one from its catalog in the interface language, so it follows a switch. */
function problemOf(t: TFunction, error: ApiError | null): string {
  if (!error) return t('setup.missingToken');
  return isSetupLinkError(error.code) ? t(`errors.${error.code}`, { ns: 'server' }) : error.message;
}

/**
 * Asked once per token, not through the query cache: a refetch on a language switch must not take the
 * form away from under the person typing, and a cached "valid" would outlive the link.
 */
function useSetupLinkCheck(token: string | null): LinkCheck {
  const [check, setCheck] = useState<LinkCheck>(
    token ? { status: 'checking' } : { status: 'invalid', error: null },
  );
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    client.POST('/api/v1/operator/setup/check', { body: { token } }).then(
      () => {
        if (!cancelled) setCheck({ status: 'valid' });
      },
      (error: unknown) => {
        if (!cancelled) setCheck({ status: 'invalid', error: asApiError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token]);
  return check;
}

export function SetupPage() {
  const { t } = useTranslation();
  const [token] = useState(takeLinkToken);
  const check = useSetupLinkCheck(token);

  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <PageTitle>{t('setup.title')}</PageTitle>
      {check.status === 'checking' && <Loading label={t('setup.checking')} />}
      {check.status === 'invalid' && (
        <>
          <ErrorAlert message={problemOf(t, check.error)} />
          <Anchor component={Link} to="/operator/sign-in">
            {t('setup.goToSignIn')}
          </Anchor>
        </>
      )}
      {check.status === 'valid' && token && (
        <>
          <Text mb="md">{t('setup.intro')}</Text>
          <SetupForm token={token} />
        </>
      )}
    </Paper>
  );
}
