// The picture: the viewer sees the other side's screen large and may point at it; the sharing side sees a
// small preview of what it shares, with the viewer's pointer over it, and always what exactly is shared.
import { Alert, Box, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconScreenShare } from '@tabler/icons-react';
import { type PointerEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteSession, Snapshot } from './remote-session.ts';

function useStream(stream: MediaStream | null) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = stream;
  }, [stream]);
  return ref;
}

/** The point under the pointer as fractions of the picture itself (not of any letterbox around it). */
function pictureFraction(video: HTMLVideoElement, clientX: number, clientY: number) {
  const box = video.getBoundingClientRect();
  const ratio = video.videoWidth && video.videoHeight ? video.videoWidth / video.videoHeight : 0;
  let width = box.width;
  let height = box.height;
  if (ratio > 0 && box.width / box.height > ratio) width = box.height * ratio;
  else if (ratio > 0) height = box.width / ratio;
  const x = (clientX - box.left - (box.width - width) / 2) / width;
  const y = (clientY - box.top - (box.height - height) / 2) / height;
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 ? { x, y } : null;
}

function Marker({ x, y, label }: { x: number; y: number; label: string }) {
  return (
    <Box
      role="img"
      aria-label={label}
      pos="absolute"
      left={`${x * 100}%`}
      top={`${y * 100}%`}
      w={28}
      h={28}
      style={{
        transform: 'translate(-50%, -50%)',
        borderRadius: '50%',
        border: '4px solid var(--mantine-color-red-8)',
        boxShadow: '0 0 0 3px white',
        pointerEvents: 'none',
      }}
    />
  );
}

const surfaceKey = (surface: string | null | undefined) =>
  surface === 'monitor' || surface === 'window' || surface === 'browser' || surface === 'application'
    ? surface
    : 'unknown';

/** The viewer's side: the other screen, large; with the pointer on, a click shows the other side where. */
export function RemotePicture({
  snapshot,
  session,
  peerName,
  pointing,
}: {
  snapshot: Snapshot;
  session: RemoteSession;
  peerName: string;
  pointing: boolean;
}) {
  const { t } = useTranslation();
  const ref = useStream(snapshot.remoteStream);
  const [mark, setMark] = useState<{ x: number; y: number } | null>(null);
  const pressed = useRef(false);
  const { consent, remoteShare, remoteStream } = snapshot;
  const point = (event: PointerEvent<HTMLVideoElement>) => {
    if (!pointing || !ref.current) return;
    const at = pictureFraction(ref.current, event.clientX, event.clientY);
    if (!at) return;
    setMark(at);
    session.point(at.x, at.y);
  };
  const status =
    consent && consent.state !== 'granted'
      ? t('remoteSupport.screen.waitingConsent', { name: peerName })
      : remoteShare?.state === 'paused'
        ? t('remoteSupport.screen.paused', { name: peerName })
        : remoteStream && remoteShare && remoteShare.state !== 'stopped'
          ? t('remoteSupport.screen.remoteSharing', {
              name: peerName,
              surface: t(`remoteSupport.screen.surfaces.${surfaceKey(remoteShare.surface)}`),
            })
          : t('remoteSupport.screen.notShared', { name: peerName });
  return (
    <Stack gap="xs">
      <Text role="status" fw={600}>
        {status}
      </Text>
      <Box
        pos="relative"
        bg="dark.8"
        style={{ borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}
      >
        <video
          ref={ref}
          aria-label={t('remoteSupport.screen.remoteVideo', { name: peerName })}
          muted
          playsInline
          autoPlay
          onPointerDown={(event) => {
            pressed.current = true;
            point(event);
          }}
          onPointerMove={(event) => pressed.current && point(event)}
          onPointerUp={() => {
            pressed.current = false;
          }}
          style={{
            display: 'block',
            width: '100%',
            maxHeight: '70vh',
            minHeight: 240,
            objectFit: 'contain',
            cursor: pointing ? 'crosshair' : undefined,
            visibility: remoteStream ? 'visible' : 'hidden',
          }}
        />
        {mark && pointing && remoteStream && (
          <Marker {...mark} label={t('remoteSupport.screen.yourPointer')} />
        )}
      </Box>
      {pointing && remoteStream && (
        <Text size="sm" c="dimmed">
          {t('remoteSupport.session.pointerHint', { name: peerName })}
        </Text>
      )}
    </Stack>
  );
}

/** The sharing side: what is shared, a preview of it with the viewer's pointer, and the way to share again. */
export function LocalPicture({
  snapshot,
  session,
  peerName,
}: {
  snapshot: Snapshot;
  session: RemoteSession;
  peerName: string;
}) {
  const { t } = useTranslation();
  const { localShare, consent, pointer, pickerCancelled } = snapshot;
  const ref = useStream(localShare?.stream ?? null);
  const granted = consent?.state === 'granted';
  return (
    <Stack gap="xs">
      {localShare ? (
        <Alert
          color={localShare.paused ? 'yellow' : 'blue'}
          variant="light"
          role="status"
          icon={<IconScreenShare aria-hidden />}
        >
          {localShare.paused
            ? t('remoteSupport.screen.youPaused', { name: peerName })
            : t('remoteSupport.screen.youShare', {
                surface: t(`remoteSupport.screen.surfaces.${surfaceKey(localShare.surface)}`),
              })}
        </Alert>
      ) : (
        <Text role="status" fw={600}>
          {consent?.state === 'answered'
            ? t('remoteSupport.screen.starting')
            : pickerCancelled
              ? t('remoteSupport.screen.pickerCancelled')
              : t('remoteSupport.screen.nothingShared')}
        </Text>
      )}
      {!localShare && granted && (
        <Group>
          <Button
            leftSection={<IconScreenShare size={18} aria-hidden />}
            onClick={() => void session.pickScreen()}
          >
            {t('remoteSupport.session.shareAgain')}
          </Button>
        </Group>
      )}
      {localShare && (
        <Card withBorder p={0} maw={420}>
          <Box pos="relative">
            <video
              ref={ref}
              aria-label={t('remoteSupport.screen.preview')}
              muted
              playsInline
              autoPlay
              style={{ display: 'block', width: '100%', height: 'auto' }}
            />
            {pointer && (
              <Marker
                x={pointer.x}
                y={pointer.y}
                label={t('remoteSupport.screen.pointerOf', { name: peerName })}
              />
            )}
          </Box>
        </Card>
      )}
    </Stack>
  );
}
