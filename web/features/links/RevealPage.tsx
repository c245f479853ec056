import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  DataList,
  Group,
  Paper,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api } from '../../app/api.ts';
import { takeLinkToken } from '../../app/link-token.ts';
import { Link } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { isLinkError, toApiError, useLinkCheck } from './link-check.ts';

interface Credentials {
  customerNumber: string;
  userNumber: string;
  username: string;
  accessKey: string;
}

/** U2: the program credentials behind a single-use link, shown once on request. */
export function RevealPage() {
  const { t } = useTranslation();
  const [token] = useState(takeLinkToken);
  const check = useLinkCheck('/api/v1/credentials/reveal/check', token);
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const reveal = async () => {
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      setCredentials(await api.post<Credentials>('/api/v1/credentials/reveal', { token }));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper maw={600} mx="auto" p="lg" withBorder>
      <PageTitle>{t('reveal.title')}</PageTitle>
      {credentials ? (
        <>
          <Alert color="yellow" variant="light" mb="md">
            {t('reveal.storeNow')}
          </Alert>
          <CredentialList credentials={credentials} />
          <Anchor component={Link} href="/sign-in" mt="lg" display="inline-block">
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
              <Button onClick={reveal} loading={busy}>
                {t('reveal.show')}
              </Button>
            </>
          )}
        </>
      )}
    </Paper>
  );
}

function CredentialList({ credentials }: { credentials: Credentials }) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const items = [
    { label: t('reveal.customerNumber'), value: credentials.customerNumber, monospace: true },
    { label: t('reveal.userNumber'), value: credentials.userNumber, monospace: true },
    { label: t('reveal.username'), value: credentials.username, monospace: false },
    { label: t('reveal.accessKey'), value: credentials.accessKey, monospace: true },
  ];
  return (
    <>
      <DataList orientation="vertical" withDivider gap="md">
        {items.map((item) => (
          <DataList.Item key={item.label}>
            <DataList.ItemLabel>{item.label}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Group gap="sm" wrap="nowrap" justify="space-between">
                <Text
                  ff={item.monospace ? 'monospace' : undefined}
                  fz="lg"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {item.value}
                </Text>
                <CopyButton value={item.value} timeout={2000}>
                  {({ copied, copy }) => (
                    <Button
                      size="xs"
                      variant={copied ? 'filled' : 'light'}
                      color={copied ? 'teal' : undefined}
                      aria-label={t(copied ? 'reveal.copiedItem' : 'reveal.copyItem', { item: item.label })}
                      onClick={() => {
                        copy();
                        setAnnouncement(t('reveal.copiedItem', { item: item.label }));
                      }}
                    >
                      {copied ? t('reveal.copied') : t('reveal.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
    </>
  );
}
