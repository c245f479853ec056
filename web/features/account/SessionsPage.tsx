import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { describeUserAgent } from './user-agent.ts';

/** S2: the user's open sessions; any but the current one can be ended here. */
export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const { account } = useCustomer();
  const queryClient = useQueryClient();
  const sessions = api.useQuery('get', '/api/v1/auth/sessions');
  const endOne = api.useMutation('delete', '/api/v1/auth/sessions/{sessionId}');
  const endOthers = api.useMutation('post', '/api/v1/auth/sessions/revoke-others');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // The ended session's button goes with its row; focus then lands on the table instead of the page's end.
  const table = useRef<HTMLTableElement>(null);
  const items = sessions.data?.items ?? [];
  const others = items.filter((item) => !item.current).length;
  const when = (iso: string) => formatDateTime(iso, i18n.language, account.timeZone);

  const deviceName = (userAgent: string) => {
    const { browser, system } = describeUserAgent(userAgent);
    if (browser && system) return t('sessions.device', { browser, system });
    return browser ?? system ?? (userAgent.slice(0, 60) || t('sessions.unknownDevice'));
  };

  const run = async (key: string, action: () => Promise<string>) => {
    setBusy(key);
    setError(null);
    try {
      notifyDone(await action());
    } catch (caught) {
      // A 401 has already ended the session (query-client.ts).
      setError(asApiError(caught).message);
    } finally {
      setBusy(null);
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/auth/sessions'] });
    }
  };

  const endSession = (sessionId: string) =>
    run(sessionId, async () => {
      await endOne.mutateAsync({ params: { path: { sessionId } } });
      table.current?.focus();
      return t('sessions.ended');
    });
  const endAllOthers = () =>
    run('others', async () => {
      const { ended } = await endOthers.mutateAsync({});
      return t('sessions.endedOthers', { count: ended });
    });

  return (
    <>
      <PageTitle>{t('sessions.title')}</PageTitle>
      <Text mb="md">{t('sessions.intro')}</Text>
      <ErrorAlert message={error} />
      {sessions.isPending && <Loading />}
      {sessions.error && <ErrorAlert message={sessions.error.message} />}
      {sessions.data && (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table ref={table} tabIndex={-1} aria-label={t('sessions.caption')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sessions.deviceColumn')}</Table.Th>
                  <Table.Th>{t('sessions.address')}</Table.Th>
                  <Table.Th>{t('sessions.signedIn')}</Table.Th>
                  <Table.Th>{t('sessions.lastActive')}</Table.Th>
                  <Table.Th className="sticky-actions">
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
                      <Table.Td>{when(item.createdAt)}</Table.Td>
                      <Table.Td>{when(item.lastSeenAt)}</Table.Td>
                      <Table.Td className="sticky-actions">
                        {!item.current && (
                          <Button
                            size="xs"
                            variant="default"
                            loading={busy === item.id}
                            onClick={() => endSession(item.id)}
                            aria-label={t('sessions.signOutSession', { device, date: when(item.createdAt) })}
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
              onClick={endAllOthers}
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
