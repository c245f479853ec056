// R3: Kontor's own question to the sharing side, before the browser's picker: no yes, no picture.
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RemoteSession, Snapshot } from './remote-session.ts';

export function ConsentDialog({
  snapshot,
  session,
  peerName,
}: {
  snapshot: Snapshot;
  session: RemoteSession;
  peerName: string;
}) {
  const { t } = useTranslation();
  const { consent } = snapshot;
  const asked =
    snapshot.phase === 'active' && consent?.state === 'asked' && consent.sharing === snapshot.side;
  return (
    <Modal
      opened={asked}
      // Only an answer closes it: the session waits for one.
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={t('remoteSupport.consent.title', { name: peerName })}
      centered
    >
      <Text>{t('remoteSupport.consent.text', { name: peerName })}</Text>
      <Text mt="sm">{t('remoteSupport.consent.picker')}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => session.answerConsent(false)}>
          {t('remoteSupport.consent.no')}
        </Button>
        <Button data-autofocus onClick={() => session.answerConsent(true)}>
          {t('remoteSupport.consent.yes')}
        </Button>
      </Group>
    </Modal>
  );
}
