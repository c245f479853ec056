// A running (or just ended) session as both sides see it: the function bar, the picture, chat, transfers
// and the log; the end with its reason and the choice to save the log.
import { Alert, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Side, sharingSide } from '../../../src/modules/remote-support/remote-support.protocol.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ChatPanel } from './ChatPanel.tsx';
import { ConsentDialog } from './ConsentDialog.tsx';
import { FunctionBar } from './FunctionBar.tsx';
import type { RemoteSession, Snapshot } from './remote-session.ts';
import { SaveLogDialog, SessionLog } from './SessionLog.tsx';
import { LocalPicture, RemotePicture } from './SharedScreen.tsx';
import { TransfersCard } from './TransfersCard.tsx';

export const peerNameOf = (snapshot: Snapshot) =>
  (snapshot.side === 'host' ? snapshot.session?.clientName : snapshot.session?.hostName) ?? '';

function useEndedText(snapshot: Snapshot): string {
  const { t } = useTranslation();
  const ended = snapshot.ended;
  if (!ended) return '';
  const name = peerNameOf(snapshot);
  const mine = (by: Side | 'server') => by === snapshot.side;
  switch (ended.reason) {
    case 'ended':
      return mine(ended.by)
        ? t('remoteSupport.ended.youEnded')
        : t('remoteSupport.ended.peerEnded', { name });
    case 'left':
      return t('remoteSupport.ended.peerLeft', { name });
    case 'consent_refused':
      return mine(ended.by)
        ? t('remoteSupport.ended.youRefused')
        : t('remoteSupport.ended.peerRefused', { name });
    case 'expired':
      return t('remoteSupport.ended.expired');
    case 'rate_limited':
      return t('remoteSupport.ended.rateLimited');
    case 'server_stopped':
      return t('remoteSupport.ended.serverStopped');
    default:
      return t('remoteSupport.ended.other', { reason: ended.reason });
  }
}

/** Says plainly when the browsers cannot reach each other, instead of leaving a black picture. */
function ConnectionNotice({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const name = peerNameOf(snapshot);
  if (snapshot.phase !== 'active') return null;
  if (snapshot.relayOnly && !snapshot.turnConfigured)
    return <ErrorAlert message={t('remoteSupport.session.noRelay')} />;
  if (snapshot.ice === 'failed' || snapshot.ice === 'timeout')
    return (
      <ErrorAlert
        message={t(
          snapshot.turnConfigured
            ? 'remoteSupport.session.iceFailed'
            : 'remoteSupport.session.iceFailedNoTurn',
          {
            name,
          },
        )}
      />
    );
  if (snapshot.ice === 'connecting')
    return (
      <Text role="status" size="sm">
        {t('remoteSupport.session.connecting', { name })}
      </Text>
    );
  return null;
}

export function SessionScreen({
  snapshot,
  session,
  afterEnd,
}: {
  snapshot: Snapshot;
  session: RemoteSession;
  /** What the page offers once the session is over (a new session, connecting again). */
  afterEnd: ReactNode;
}) {
  const { t } = useTranslation();
  const [chatOpen, setChatOpen] = useState(true);
  const [pointing, setPointing] = useState(true);
  const [saving, setSaving] = useState(true);
  const [discarded, setDiscarded] = useState(false);
  const endedText = useEndedText(snapshot);
  const mode = snapshot.session?.mode ?? 'support';
  const sharing = sharingSide(mode) === snapshot.side;
  const peerName = peerNameOf(snapshot);
  const number = snapshot.session?.number ?? '';
  const { ended } = snapshot;

  return (
    <Stack>
      {ended && (
        <Alert color="blue" variant="light" role="alert" title={t('remoteSupport.ended.title')}>
          <Text>{endedText}</Text>
          <Group mt="sm">
            {!discarded && (
              <Button variant="default" onClick={() => setSaving(true)}>
                {t('remoteSupport.ended.saveLog')}
              </Button>
            )}
            {afterEnd}
          </Group>
        </Alert>
      )}
      {snapshot.phase === 'lost' && <ErrorAlert message={t('remoteSupport.session.lost')} />}
      {!ended && (
        <FunctionBar
          snapshot={snapshot}
          session={session}
          peerName={peerName}
          chatOpen={chatOpen}
          onChat={() => setChatOpen((open) => !open)}
          pointing={pointing}
          onPointer={() => setPointing((on) => !on)}
        />
      )}
      <Text fw={600}>
        {t(sharing ? 'remoteSupport.session.sharerStatus' : 'remoteSupport.session.viewerStatus', {
          mode: t(`remoteSupport.modes.${mode}`),
          name: peerName,
        })}
      </Text>
      <ConnectionNotice snapshot={snapshot} />
      {snapshot.error && <ErrorAlert key={snapshot.error.seq} message={snapshot.error.message} />}
      {!ended && (
        <Grid>
          <Grid.Col span={{ base: 12, md: chatOpen ? 8 : 12 }}>
            {sharing ? (
              <LocalPicture snapshot={snapshot} session={session} peerName={peerName} />
            ) : (
              <RemotePicture snapshot={snapshot} session={session} peerName={peerName} pointing={pointing} />
            )}
          </Grid.Col>
          {chatOpen && (
            <Grid.Col span={{ base: 12, md: 4 }}>
              <ChatPanel
                chat={snapshot.chat}
                side={snapshot.side}
                active={snapshot.phase === 'active'}
                session={session}
              />
            </Grid.Col>
          )}
        </Grid>
      )}
      <TransfersCard snapshot={snapshot} session={session} />
      {!discarded && <SessionLog log={snapshot.log} />}
      <ConsentDialog snapshot={snapshot} session={session} peerName={peerName} />
      {ended && (
        <SaveLogDialog
          opened={saving && !discarded}
          log={ended.log}
          number={number}
          onClose={() => setSaving(false)}
          onDiscard={() => setDiscarded(true)}
        />
      )}
    </Stack>
  );
}
