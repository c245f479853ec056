// S5: every activation of the account with its state, for admins on the users page and for operators on
// the account's page; the newest link of a pending user can be sent again, which revokes the old one.
import { Badge, Button, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api, asApiError } from '../../api/client.ts';
import { displayName } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { notifyDone } from '../../ui/notify.tsx';

type Activation = ApiResult<'/api/v1/accounts/{accountId}/activations'>['items'][number];
export type ActivationState = Activation['state'];

const stateColors: Record<ActivationState, string> = {
  sent: 'blue',
  opened: 'cyan',
  expired: 'orange',
  accepted: 'green',
  revoked: 'gray',
};

export function ActivationStateBadge({ state }: { state: ActivationState }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={stateColors[state]} style={{ flexShrink: 0 }}>
      {t(`activations.states.${state}`)}
    </Badge>
  );
}

/** The queries a sent activation changes, on either side. */
function useActivationsChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [
        '/api/v1/accounts/{accountId}/activations',
        '/api/v1/operator/accounts/{accountId}/activations',
        '/api/v1/accounts/{accountId}/audit',
        '/api/v1/operator/audit',
      ].map((path) => queryClient.invalidateQueries({ queryKey: ['get', path] })),
    );
}

export function AccountActivations({ accountId }: { accountId: string }) {
  const params = { params: { path: { accountId } } };
  const list = api.useQuery('get', '/api/v1/accounts/{accountId}/activations', params);
  const resend = api.useMutation('post', '/api/v1/accounts/{accountId}/users/{userId}/activation');
  return (
    <ActivationsSection
      items={list.data?.items}
      error={list.error?.message}
      resend={(userId) => resend.mutateAsync({ params: { path: { accountId, userId } } })}
    />
  );
}

export function OperatorActivations({ accountId }: { accountId: string }) {
  const params = { params: { path: { accountId } } };
  const list = api.useQuery('get', '/api/v1/operator/accounts/{accountId}/activations', params);
  const resend = api.useMutation('post', '/api/v1/operator/accounts/{accountId}/users/{userId}/activation');
  return (
    <ActivationsSection
      items={list.data?.items}
      error={list.error?.message}
      resend={(userId) => resend.mutateAsync({ params: { path: { accountId, userId } } })}
    />
  );
}

function ActivationsSection({
  items,
  error,
  resend,
}: {
  items: Activation[] | undefined;
  error: string | undefined;
  resend: (userId: string) => Promise<{ sentTo: string }>;
}) {
  const { t, i18n } = useTranslation();
  const changed = useActivationsChanged();
  const [sending, setSending] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; attempt: number } | null>(null);
  const date = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '–');

  const send = async (activation: Activation) => {
    setSending(activation.id);
    setRefusal(null);
    try {
      const { sentTo } = await resend(activation.user.id);
      notifyDone(t('activations.resent', { email: sentTo }));
      await changed();
    } catch (caught) {
      setRefusal((current) => ({
        message: asApiError(caught).message,
        attempt: (current?.attempt ?? 0) + 1,
      }));
    } finally {
      setSending(null);
    }
  };

  return (
    <section aria-labelledby="activations-title">
      <Title order={2} size="h4" id="activations-title" mb="xs">
        {t('activations.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('activations.intro')}
      </Text>
      <ErrorAlert message={error ?? null} />
      <ErrorAlert key={refusal?.attempt} message={refusal?.message ?? null} />
      {items && items.length === 0 && <Text c="dimmed">{t('activations.none')}</Text>}
      {items && items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('activations.caption')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('activations.user')}</Table.Th>
                <Table.Th>{t('activations.state')}</Table.Th>
                <Table.Th>{t('activations.sentAt')}</Table.Th>
                <Table.Th>{t('activations.openedAt')}</Table.Th>
                <Table.Th>{t('activations.validUntil')}</Table.Th>
                <Table.Th className="sticky-actions">{t('activations.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((activation) => (
                <Table.Tr key={activation.id}>
                  <Table.Td>
                    <Text size="sm">{displayName(activation.user)}</Text>
                    <Text size="sm" c="dimmed">
                      {activation.user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ActivationStateBadge state={activation.state} />
                  </Table.Td>
                  <Table.Td>{date(activation.sentAt)}</Table.Td>
                  <Table.Td>{date(activation.openedAt)}</Table.Td>
                  <Table.Td>
                    {activation.state === 'accepted'
                      ? t('activations.acceptedAt', { date: date(activation.acceptedAt) })
                      : date(activation.expiresAt)}
                  </Table.Td>
                  <Table.Td className="sticky-actions">
                    {activation.canResend && (
                      <Button
                        size="xs"
                        variant="light"
                        loading={sending === activation.id}
                        onClick={() => send(activation)}
                        aria-label={t('activations.resendFor', { name: displayName(activation.user) })}
                      >
                        {t('activations.resend')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
