import { Anchor, Paper, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api.ts';
import { takeLinkToken } from '../../app/link-token.ts';
import { Link } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { SetupForm } from './SetupForm.tsx';

type LinkCheck = { status: 'checking' } | { status: 'valid' } | { status: 'invalid'; message: string };

export function SetupPage() {
  const { t, i18n } = useTranslation();
  const [token] = useState(takeLinkToken);
  const [check, setCheck] = useState<LinkCheck>(
    token ? { status: 'checking' } : { status: 'invalid', message: '' },
  );
  const isValid = useRef(false);

  // Checked again on a language change while showing the server's message, so it follows the language;
  // never once the form shows, which would lose what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: i18n.language is the re-check trigger
  useEffect(() => {
    if (!token || isValid.current) return;
    let cancelled = false;
    api
      .post<{ valid: boolean }>('/api/v1/operator/setup/check', { token })
      .then(() => {
        isValid.current = true;
        if (!cancelled) setCheck({ status: 'valid' });
      })
      .catch((error: unknown) => {
        const message = error instanceof ApiError ? error.message : t('errors.network');
        if (!cancelled) setCheck({ status: 'invalid', message });
      });
    return () => {
      cancelled = true;
    };
  }, [token, i18n.language]);

  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <PageTitle>{t('setup.title')}</PageTitle>
      {check.status === 'checking' && <Loading label={t('setup.checking')} />}
      {check.status === 'invalid' && (
        <>
          <ErrorAlert message={check.message || t('setup.missingToken')} />
          <Anchor component={Link} href="/operator/sign-in">
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
