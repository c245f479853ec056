// R6: the log the server writes, shown live in a list that folds away, and at the end the choice to save it
// (JSON or readable text) or discard it.
import { Accordion, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  actorLabel,
  detailsText,
  kindLabel,
  type LogLine,
  saveLogAsJson,
  saveLogAsText,
} from './log-export.ts';

export function LogList({ log }: { log: LogLine[] }) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' });
  if (log.length === 0) return <Text size="sm">{t('remoteSupport.log.none')}</Text>;
  return (
    <Stack
      component="ol"
      gap={4}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('remoteSupport.log.entries')}
    >
      {log.map((entry, index) => {
        const details = detailsText(entry.details);
        return (
          <Text
            component="li"
            size="sm"
            // biome-ignore lint/suspicious/noArrayIndexKey: the log only grows, so an entry's position is its identity
            key={index}
            data-kind={entry.kind}
            style={{ overflowWrap: 'anywhere' }}
          >
            <Text span c="dimmed" size="sm">
              {time.format(new Date(entry.at))}
            </Text>{' '}
            <Text span fw={600} size="sm">
              {actorLabel(t, entry.actor)}: {kindLabel(t, entry.kind)}
            </Text>
            {details && ` (${details})`}
          </Text>
        );
      })}
    </Stack>
  );
}

/** The live log, folded away until wanted; it renders again only when an entry comes. */
export const SessionLog = memo(function SessionLog({ log }: { log: LogLine[] }) {
  const { t } = useTranslation();
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value="log">
        <Accordion.Control>
          <Group gap="xs">
            {t('remoteSupport.log.title')}
            <Badge variant="light" color="gray" autoContrast>
              {log.length}
            </Badge>
          </Group>
        </Accordion.Control>
        <Accordion.Panel>
          <LogList log={log} />
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
});

export function LogDownloads({ log, number }: { log: LogLine[]; number: string }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Button leftSection={<IconDownload size={18} aria-hidden />} onClick={() => saveLogAsJson(log, number)}>
        {t('remoteSupport.log.downloadJson')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconDownload size={18} aria-hidden />}
        onClick={() => saveLogAsText(log, t, i18n.language, number)}
      >
        {t('remoteSupport.log.downloadText')}
      </Button>
    </>
  );
}

/** At the end: save the log on this computer (either form, or both), or discard it. */
export function SaveLogDialog({
  opened,
  log,
  number,
  onClose,
  onDiscard,
}: {
  opened: boolean;
  log: LogLine[];
  number: string;
  onClose: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('remoteSupport.ended.saveTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
      size="lg"
    >
      <Text mb="md">{t('remoteSupport.ended.saveText')}</Text>
      <Group justify="flex-end">
        <LogDownloads log={log} number={number} />
        <Button
          variant="subtle"
          onClick={() => {
            onDiscard();
            onClose();
          }}
        >
          {t('remoteSupport.log.discard')}
        </Button>
      </Group>
    </Modal>
  );
}
