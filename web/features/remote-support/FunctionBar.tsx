// R4: the function bar both sides have at the top of a session; R7: what the browser version cannot do.
import { Button, Group, Text } from '@mantine/core';
import {
  IconHandFinger,
  IconMessage,
  IconPhoneOff,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerStop,
  IconSwitchHorizontal,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sharingSide } from '../../../src/modules/remote-support/remote-support.protocol.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import type { RemoteSession, Snapshot } from './remote-session.ts';

export function FunctionBar({
  snapshot,
  session,
  peerName,
  chatOpen,
  onChat,
  pointing,
  onPointer,
}: {
  snapshot: Snapshot;
  session: RemoteSession;
  peerName: string;
  chatOpen: boolean;
  onChat: () => void;
  pointing: boolean;
  onPointer: () => void;
}) {
  const { t } = useTranslation();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const mode = snapshot.session?.mode ?? 'support';
  const sharing = sharingSide(mode) === snapshot.side;
  const active = snapshot.phase === 'active';
  const share = snapshot.localShare;
  const icon = { size: 18, 'aria-hidden': true } as const;
  return (
    <>
      <Group gap="xs" role="group" aria-label={t('remoteSupport.session.functions')}>
        <Button
          variant={chatOpen ? 'light' : 'default'}
          aria-pressed={chatOpen}
          leftSection={<IconMessage {...icon} />}
          onClick={onChat}
        >
          {t('remoteSupport.session.chat')}
        </Button>
        {!sharing && (
          <Button
            variant={pointing ? 'light' : 'default'}
            aria-pressed={pointing}
            leftSection={<IconHandFinger {...icon} />}
            onClick={onPointer}
          >
            {t('remoteSupport.session.pointer')}
          </Button>
        )}
        <Button
          variant="default"
          disabled={!active}
          leftSection={<IconSwitchHorizontal {...icon} />}
          onClick={() => session.switchMode()}
        >
          {t(`remoteSupport.session.switchTo.${mode === 'support' ? 'show' : 'support'}`)}
        </Button>
        {sharing && share && (
          <>
            <Button
              variant="default"
              leftSection={share.paused ? <IconPlayerPlay {...icon} /> : <IconPlayerPause {...icon} />}
              onClick={() => session.setPaused(!share.paused)}
            >
              {t(share.paused ? 'remoteSupport.session.resume' : 'remoteSupport.session.pause')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconPlayerStop {...icon} />}
              onClick={() => session.stopShare()}
            >
              {t('remoteSupport.session.stopSharing')}
            </Button>
          </>
        )}
        <Button
          color="red"
          disabled={!active}
          leftSection={<IconPhoneOff {...icon} />}
          onClick={() => setConfirmEnd(true)}
        >
          {t('remoteSupport.session.end')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('remoteSupport.session.controlNote')}
      </Text>
      <ConfirmDialog
        opened={confirmEnd}
        title={t('remoteSupport.session.endTitle')}
        confirmLabel={t('remoteSupport.session.end')}
        danger
        onClose={() => setConfirmEnd(false)}
        onConfirm={async () => {
          session.end();
          setConfirmEnd(false);
        }}
      >
        {t('remoteSupport.session.endText', { name: peerName })}
      </ConfirmDialog>
    </>
  );
}
