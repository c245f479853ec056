// R2: the client's connection check before joining, in plain words: what works, what does not, and what
// that means for the session.
import { Button, Card, Group, List, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.ts';
import { Loading } from '../../ui/Loading.tsx';
import { checkConnection, type Reach, recommendedMbps } from './connectivity.ts';

type Verdict = 'good' | 'warning' | 'bad';
const verdictIcons = {
  good: { color: 'teal', Icon: IconCircleCheck },
  warning: { color: 'yellow', Icon: IconAlertTriangle },
  bad: { color: 'red', Icon: IconCircleX },
} as const;

function Item({ verdict, children }: { verdict: Verdict; children: string }) {
  const { color, Icon } = verdictIcons[verdict];
  return (
    <List.Item
      icon={
        <ThemeIcon color={color} size={22} radius="xl" variant="light">
          <Icon size={16} aria-hidden />
        </ThemeIcon>
      }
    >
      {children}
    </List.Item>
  );
}

const verdictOf = (reach: Reach, missing: Verdict = 'warning'): Verdict =>
  reach === 'ok' ? 'good' : reach === 'none' ? missing : 'warning';

export function ConnectionCheck() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const check = useQuery({
    queryKey: ['remote-support', 'connection-check'],
    queryFn: checkConnection,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
  const result = check.data;
  const speed = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <Card withBorder component="section" aria-labelledby={titleId} mb="lg" maw={640}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('remoteSupport.check.title')}
        </Title>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRefresh size={14} aria-hidden />}
          loading={check.isFetching}
          onClick={() => void check.refetch()}
        >
          {t('remoteSupport.check.again')}
        </Button>
      </Group>
      {check.isFetching && <Loading label={t('remoteSupport.check.running')} />}
      {check.error && !check.isFetching && (
        <Text c="red.9" role="alert">
          {t('remoteSupport.check.failed', { message: asApiError(check.error).message })}
        </Text>
      )}
      {result && !check.isFetching && (
        <List spacing="xs" size="sm" aria-live="polite">
          <Item verdict={result.signalling === 'ok' ? 'good' : 'bad'}>
            {t(`remoteSupport.check.signalling.${result.signalling === 'ok' ? 'ok' : 'failed'}`)}
          </Item>
          <Item verdict={verdictOf(result.stun)}>{t(`remoteSupport.check.stun.${result.stun}`)}</Item>
          <Item verdict={verdictOf(result.turn, result.settings.relayOnly ? 'bad' : 'warning')}>
            {t(`remoteSupport.check.turn.${result.turn}`)}
          </Item>
          {result.mbps === null ? (
            <Item verdict="warning">{t('remoteSupport.check.speedUnknown')}</Item>
          ) : (
            <Item verdict={result.mbps < recommendedMbps ? 'warning' : 'good'}>
              {t(result.mbps < recommendedMbps ? 'remoteSupport.check.slow' : 'remoteSupport.check.speed', {
                mbps: speed.format(result.mbps),
                recommended: speed.format(recommendedMbps),
              })}
            </Item>
          )}
          {result.settings.relayOnly && result.turn !== 'ok' && (
            <Item verdict="bad">{t('remoteSupport.check.relayUnreachable')}</Item>
          )}
        </List>
      )}
    </Card>
  );
}
