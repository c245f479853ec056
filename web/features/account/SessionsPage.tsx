import { Alert, Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useApiGet } from '../../app/use-api-get.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { describeUserAgent } from './user-agent.ts';

interface SessionItem {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ipAddress: string;
  userAgent: string;
  staySignedIn: boolean;
  current: boolean;
}

/** S2: the user's open sessions; any but the current one can be ended here. */
export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const { signedOut } = useSession();
  const sessions = useApiGet<{ items: SessionItem[] }>('/api/v1/auth/sessions');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const items = sessions.data?.items ?? [];
  const others = items.filter((item) => !item.current).length;

  const deviceName = (userAgent: string) => {
    const { browser, system } = describeUserAgent(userAgent);
    if (browser && system) return t('sessions.device', { browser, system });
    return browser ?? system ?? (userAgent.slice(0, 60) || t('sessions.unknownDevice'));
  };

  const run = async (key: string, action: () => Promise<string>) => {
    setBusy(key);
    setNotice(null);
    setError(null);
    try {
      setNotice(await action());
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) return signedOut();
      setError(caught instanceof ApiError ? caught.message : t('errors.network'));
    } finally {
      setBusy(null);
      sessions.reload();
    }
  };

  const endSession = (id: string) =>
    run(id, async () => {
      await api.delete(`/api/v1/auth/sessions/${encodeURIComponent(id)}`);
      return t('sessions.ended');
    });
  const endOthers = () =>
    run('others', async () => {
      const { ended } = await api.post<{ ended: number }>('/api/v1/auth/sessions/revoke-others');
      return t('sessions.endedOthers', { count: ended });
    });

  return (
    <>
      <PageTitle>{t('sessions.title')}</PageTitle>
      <Text mb="md">{t('sessions.intro')}</Text>
      {notice && (
        <Alert color="green" variant="light" role="status" mb="md">
          {notice}
        </Alert>
      )}
      <ErrorAlert message={error} />
      {sessions.status === 'loading' && <Loading />}
      {sessions.status === 'failed' && <ErrorAlert message={sessions.error.message} />}
      {sessions.data && (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('sessions.caption')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sessions.deviceColumn')}</Table.Th>
                  <Table.Th>{t('sessions.address')}</Table.Th>
                  <Table.Th>{t('sessions.signedIn')}</Table.Th>
                  <Table.Th>{t('sessions.lastActive')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('sessions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => {
                  const device = deviceName(item.userAgent);
                  return (
                    <Table.Tr key={item.id}>
                      <Table.Td>
                        <Text size="sm" title={item.userAgent}>
                          {device}
                        </Text>
                        <Group gap={4} mt={4}>
                          {item.current && (
                            <Badge size="sm" variant="light" color="green">
                              {t('sessions.thisDevice')}
                            </Badge>
                          )}
                          {item.staySignedIn && (
                            <Badge size="sm" variant="light" color="gray">
                              {t('sessions.staysSignedIn')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td ff="monospace">{item.ipAddress}</Table.Td>
                      <Table.Td>{formatDateTime(item.createdAt, i18n.language)}</Table.Td>
                      <Table.Td>{formatDateTime(item.lastSeenAt, i18n.language)}</Table.Td>
                      <Table.Td>
                        {!item.current && (
                          <Button
                            size="xs"
                            variant="default"
                            loading={busy === item.id}
                            onClick={() => endSession(item.id)}
                            aria-label={t('sessions.signOutSession', {
                              device,
                              date: formatDateTime(item.createdAt, i18n.language),
                            })}
                          >
                            {t('sessions.signOut')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group mt="md">
            <Button
              variant="light"
              color="red"
              disabled={others === 0}
              loading={busy === 'others'}
              onClick={endOthers}
            >
              {t('sessions.signOutOthers')}
            </Button>
            {others === 0 && (
              <Text size="sm" c="dimmed">
                {t('sessions.noOthers')}
              </Text>
            )}
          </Group>
        </>
      )}
    </>
  );
}
