// R6: the host's recent sessions, each with its log as the server stored it, to read and to save again.
import { Badge, Button, Group, Modal, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../src/modules/remote-support/remote-support.protocol.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { fetchSessionLog, groupedNumber, type HostArea, useRecentSessions } from './remote-support-api.ts';
import { LogDownloads, LogList } from './SessionLog.tsx';

const stateColors: Record<SessionView['state'], string> = {
  open: 'blue',
  active: 'green',
  ended: 'gray',
  expired: 'gray',
};

export function SessionStateBadge({ state }: { state: SessionView['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColors[state]} variant="light" autoContrast>
      {t(`remoteSupport.states.${state}`)}
    </Badge>
  );
}

export function RecentSessions({ area }: { area: HostArea }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const sessions = useRecentSessions(area);
  const focus = useReturnFocus();
  const [shown, setShown] = useState<SessionView | null>(null);
  const items = sessions.data ?? [];
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId} mb="sm">
        {t('remoteSupport.recent.title')}
      </Title>
      <ErrorAlert message={sessions.error?.message} />
      {sessions.isPending && <Loading label={t('remoteSupport.recent.loading')} />}
      {sessions.data && items.length === 0 && <Text size="sm">{t('remoteSupport.recent.none')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-labelledby={titleId} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('remoteSupport.number')}</Table.Th>
                <Table.Th>{t('remoteSupport.recent.mode')}</Table.Th>
                <Table.Th>{t('remoteSupport.recent.client')}</Table.Th>
                <Table.Th>{t('remoteSupport.recent.state')}</Table.Th>
                <Table.Th>{t('remoteSupport.recent.expires')}</Table.Th>
                <Table.Th>{t('remoteSupport.recent.log')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{groupedNumber(item.number)}</Table.Td>
                  <Table.Td>{t(`remoteSupport.modes.${item.mode}`)}</Table.Td>
                  <Table.Td>{item.clientName ?? '—'}</Table.Td>
                  <Table.Td>
                    <SessionStateBadge state={item.state} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(item.expiresAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('remoteSupport.recent.logOf', { number: groupedNumber(item.number) })}
                      onClick={() => {
                        focus.remember();
                        setShown(item);
                      }}
                    >
                      {t('remoteSupport.recent.log')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={shown !== null}
        onClose={() => setShown(null)}
        returnFocus={false}
        onExitTransitionEnd={focus.returnFocus}
        title={shown ? t('remoteSupport.recent.logOf', { number: groupedNumber(shown.number) }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        {shown && <StoredLog area={area} session={shown} />}
      </Modal>
    </section>
  );
}

function StoredLog({ area, session }: { area: HostArea; session: SessionView }) {
  const { t } = useTranslation();
  const stored = useQuery({
    queryKey: ['remote-support', 'log', session.id],
    queryFn: () => fetchSessionLog(area, session.id),
    staleTime: 0,
  });
  if (stored.error) return <ErrorAlert message={stored.error.message} />;
  if (!stored.data) return <Loading label={t('remoteSupport.recent.loadingLog')} />;
  return (
    <>
      <LogList log={stored.data.log} />
      <Group justify="flex-end" mt="md">
        <LogDownloads log={stored.data.log} number={session.number} />
      </Group>
    </>
  );
}
