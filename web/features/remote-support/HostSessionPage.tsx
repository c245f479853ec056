// R1–R2 for the host: the number to read out and the link, who asks to join (admit or reject), then the
// session itself. Leaving the page ends a running session (the server sees the host's socket close).
import { Anchor, Button, Card, CopyButton, DataList, Group, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useRouterState } from '@tanstack/react-router';
import { useCallback, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { accountRemoteSessionRoute, operatorRemoteSessionRoute } from '../../app/router.tsx';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { SessionStateBadge } from './RecentSessions.tsx';
import { type Knock, RemoteSession, type Snapshot, useRemoteSession } from './remote-session.ts';
import { groupedNumber, type HostArea, hostSocketUrl } from './remote-support-api.ts';
import { SessionScreen } from './SessionScreen.tsx';

function NumberCard({ snapshot, link }: { snapshot: Snapshot; link: string }) {
  const { t, i18n } = useTranslation();
  const session = snapshot.session;
  if (!session) return null;
  return (
    <Card withBorder maw={640}>
      <DataList orientation="vertical" gap="md">
        <DataList.Item>
          <DataList.ItemLabel>{t('remoteSupport.number')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Group gap="md">
              <Text fz={40} fw={700} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {groupedNumber(session.number)}
              </Text>
              <SessionStateBadge state={session.state} />
            </Group>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('remoteSupport.host.link')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Group gap="sm" wrap="nowrap">
              <Anchor href={link} style={{ overflowWrap: 'anywhere' }}>
                {link}
              </Anchor>
              <CopyButton value={link} timeout={2000}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant={copied ? 'filled' : 'light'}
                    color={copied ? 'teal' : undefined}
                    leftSection={
                      copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                    }
                    onClick={copy}
                  >
                    {t(copied ? 'remoteSupport.host.copied' : 'remoteSupport.host.copyLink')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Text size="sm" mt="md">
        {t('remoteSupport.host.numberHint')}
      </Text>
      <Text size="sm" mt="xs">
        {t('remoteSupport.host.expires', { time: formatDateTime(session.expiresAt, i18n.language) })}
      </Text>
    </Card>
  );
}

function Knocks({ knocks, session }: { knocks: Knock[]; session: RemoteSession }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId} mb="sm">
        {t('remoteSupport.host.knocks')}
      </Title>
      <Stack aria-live="polite">
        {knocks.length === 0 && <Text>{t('remoteSupport.host.waitingForClient')}</Text>}
        {knocks.map((knock) => (
          <Card withBorder key={knock.knockId} maw={640}>
            <Text fw={600}>{t('remoteSupport.host.knock', { name: knock.name })}</Text>
            <Text size="sm" c="dimmed">
              {t('remoteSupport.host.knockAddress', { address: knock.address })}
              {knock.at && ` · ${formatDateTime(knock.at, i18n.language)}`}
            </Text>
            <Group mt="sm">
              <Button onClick={() => session.admit(knock.knockId)}>{t('remoteSupport.host.admit')}</Button>
              <Button variant="default" onClick={() => session.reject(knock.knockId)}>
                {t('remoteSupport.host.reject')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
    </section>
  );
}

export function HostSessionPage({ area, sessionId }: { area: HostArea; sessionId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const passedLink = useRouterState({ select: (state) => state.location.state.remoteSupportLink });
  const socketUrl = hostSocketUrl(area, sessionId);
  const open = useCallback(() => RemoteSession.host(socketUrl), [socketUrl]);
  const { session, snapshot } = useRemoteSession(open);
  const number = snapshot?.session?.number;
  const link =
    passedLink ?? (number ? new URL(`/support?number=${number}`, window.location.origin).href : '');
  const startPage = area.kind === 'operator' ? '/operator/remote-support' : '/account/remote-support';
  const phase = snapshot?.phase;

  // The recent sessions show this one as ended on the way back.
  useEffect(() => {
    if (phase === 'ended') void queryClient.invalidateQueries({ queryKey: ['remote-support'] });
  }, [phase, queryClient]);

  return (
    <>
      <Text size="sm" mb="xs">
        <Link to={startPage}>{t('remoteSupport.host.back')}</Link>
      </Text>
      <PageTitle>
        {number ? t('remoteSupport.host.title', { number: groupedNumber(number) }) : t('remoteSupport.title')}
      </PageTitle>
      {(!snapshot || phase === 'connecting') && <Loading label={t('remoteSupport.host.connecting')} />}
      {snapshot && !snapshot.session && (phase === 'refused' || phase === 'lost') && (
        <ErrorAlert message={snapshot.error?.message ?? t('remoteSupport.host.unavailable')} />
      )}
      {snapshot && session && phase === 'open' && (
        <Stack gap="xl">
          <NumberCard snapshot={snapshot} link={link} />
          <Knocks knocks={snapshot.knocks} session={session} />
        </Stack>
      )}
      {snapshot &&
        session &&
        snapshot.session &&
        (phase === 'active' || phase === 'ended' || phase === 'lost') && (
          <SessionScreen
            snapshot={snapshot}
            session={session}
            afterEnd={
              <Button component={Link} to={startPage} variant="default">
                {t('remoteSupport.host.newSession')}
              </Button>
            }
          />
        )}
    </>
  );
}

export function OperatorRemoteSessionPage() {
  const { id } = operatorRemoteSessionRoute.useParams();
  return <HostSessionPage area={{ kind: 'operator' }} sessionId={id} />;
}

export function AccountRemoteSessionPage() {
  const { id } = accountRemoteSessionRoute.useParams();
  const { account } = useCustomer();
  return <HostSessionPage area={{ kind: 'account', accountId: account.id }} sessionId={id} />;
}
