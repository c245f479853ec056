// R5: the transfer window. Every file sent or received in the session, with its progress (the receiver's
// acknowledgements for a file sent) and its state; a running one can be cancelled from either side.
import { Anchor, Badge, Button, Card, FileButton, Group, Progress, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { memo, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import type { RemoteSession, Snapshot } from './remote-session.ts';
import { downloadName, type Transfer, type TransferState } from './transfers.ts';

const stateColors: Record<TransferState, string> = {
  waiting: 'gray',
  sending: 'blue',
  receiving: 'blue',
  done: 'green',
  cancelled: 'yellow',
  failed: 'red',
  mismatch: 'red',
};

export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 });
  return `${number.format(value)} ${units[unit]}`;
}

const percent = (transfer: Transfer) =>
  transfer.size === 0
    ? transfer.state === 'done'
      ? 100
      : 0
    : Math.floor((transfer.bytes / transfer.size) * 100);

export function TransfersCard({ snapshot, session }: { snapshot: Snapshot; session: RemoteSession }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const reset = useRef<() => void>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const transfers = useSyncExternalStore(session.transfers.subscribe, session.transfers.getSnapshot);
  const { maxFileBytes } = snapshot;
  const connected = snapshot.phase === 'active' && snapshot.ice === 'connected';
  const size = (bytes: number) => formatBytes(bytes, i18n.language);

  const pick = (file: File | null) => {
    reset.current?.();
    if (!file) return;
    if (file.size > maxFileBytes) {
      setProblem(t('remoteSupport.files.tooLarge', { name: file.name, max: size(maxFileBytes) }));
      return;
    }
    setProblem(null);
    session.sendFile(file);
  };

  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={titleId}>
          {t('remoteSupport.files.title')}
        </Title>
        <FileButton onChange={pick} resetRef={reset}>
          {(props) => (
            <Button {...props} disabled={!connected} leftSection={<IconFileUpload size={18} aria-hidden />}>
              {t('remoteSupport.files.send')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('remoteSupport.files.hint', { max: size(maxFileBytes) })}
      </Text>
      <ErrorAlert message={problem} />
      {transfers.length === 0 ? (
        <Text size="sm">{t('remoteSupport.files.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('remoteSupport.files.title')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('remoteSupport.files.direction')}</Table.Th>
                <Table.Th>{t('remoteSupport.files.name')}</Table.Th>
                <Table.Th>{t('remoteSupport.files.size')}</Table.Th>
                <Table.Th>{t('remoteSupport.files.progress')}</Table.Th>
                <Table.Th>{t('remoteSupport.files.state')}</Table.Th>
                <Table.Th>{t('remoteSupport.files.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {transfers.map((transfer) => (
                <TransferRow key={transfer.id} transfer={transfer} session={session} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** One transfer; memoized, so the progress of one file re-renders its row only. */
const TransferRow = memo(function TransferRow({
  transfer,
  session,
}: {
  transfer: Transfer;
  session: RemoteSession;
}) {
  const { t, i18n } = useTranslation();
  const value = percent(transfer);
  const running = ['waiting', 'sending', 'receiving'].includes(transfer.state);
  const name = downloadName(transfer.name);
  return (
    <Table.Tr data-transfer={transfer.direction}>
      <Table.Td>{t(`remoteSupport.files.${transfer.direction}`)}</Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{transfer.name}</Table.Td>
      <Table.Td>{formatBytes(transfer.size, i18n.language)}</Table.Td>
      <Table.Td miw={140}>
        <Group gap="xs" wrap="nowrap">
          {/* No width transition: every animated frame lays the page out again, on the cores the transfer needs. */}
          <Progress
            value={value}
            transitionDuration={0}
            aria-label={t('remoteSupport.files.progressOf', { name: transfer.name })}
            style={{ flex: 1 }}
            color={stateColors[transfer.state] === 'red' ? 'red' : undefined}
          />
          <Text size="sm" miw={40} ta="right">
            {value} %
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge color={stateColors[transfer.state]} variant="light" autoContrast>
          {t(`remoteSupport.files.states.${transfer.state}`)}
        </Badge>
        {transfer.cancelledBy === 'peer' && (
          <Text size="xs" c="dimmed">
            {t('remoteSupport.files.byPeer')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {running && (
          <Button
            size="xs"
            variant="default"
            aria-label={t('remoteSupport.files.cancelOf', { name: transfer.name })}
            onClick={() => session.cancelTransfer(transfer.id)}
          >
            {t('remoteSupport.files.cancel')}
          </Button>
        )}
        {transfer.url && (
          <Anchor
            href={transfer.url}
            download={name}
            size="sm"
            aria-label={t('remoteSupport.files.saveOf', { name: transfer.name })}
          >
            <IconDownload size={14} aria-hidden /> {t('remoteSupport.files.save')}
          </Anchor>
        )}
      </Table.Td>
    </Table.Tr>
  );
});
