import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const states = ['open', 'sent', 'dismissed'] as const;
type State = (typeof states)[number];
type Row = ApiResult<'/api/v1/operator/credential-requests'>['items'][number];

/** Issue 11.6: requests for access data; one click sends fresh links to the account's admins. */
export function OperatorCredentialRequestsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>('open');
  const [pending, setPending] = useState<{ action: 'send' | 'dismiss'; request: Row } | null>(null);
  const { data, error, isPending } = api.useQuery('get', '/api/v1/operator/credential-requests', {
    params: { query: { state } },
  });
  const send = api.useMutation('post', '/api/v1/operator/credential-requests/{requestId}/send');
  const dismiss = api.useMutation('post', '/api/v1/operator/credential-requests/{requestId}/dismiss');
  const items = data?.items ?? [];

  const confirm = async () => {
    if (!pending) return;
    const params = { path: { requestId: pending.request.id } };
    if (pending.action === 'send') {
      const result = await send.mutateAsync({ params });
      notifyDone(t('credentialRequests.sentTo', { count: result.adminsReached }));
    } else {
      await dismiss.mutateAsync({ params });
      notifyDone(t('credentialRequests.dismissed'));
    }
    setPending(null);
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/operator/credential-requests'] });
  };

  return (
    <>
      <PageTitle>{t('credentialRequests.title')}</PageTitle>
      <Text mb="md">{t('credentialRequests.intro')}</Text>
      <Group mb="md">
        <Select
          label={t('credentialRequests.state')}
          data={states.map((value) => ({ value, label: t(`credentialRequests.states.${value}`) }))}
          value={state}
          allowDeselect={false}
          onChange={(value) => value && setState(value as State)}
        />
      </Group>
      <ErrorAlert message={error?.message} />
      {isPending && <Loading label={t('credentialRequests.loading')} />}
      {data && items.length === 0 && <Text size="sm">{t('credentialRequests.none')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t('credentialRequests.title')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('credentialRequests.account')}</Table.Th>
                <Table.Th>{t('credentialRequests.requester')}</Table.Th>
                <Table.Th>{t('credentialRequests.message')}</Table.Th>
                <Table.Th>{t('credentialRequests.received')}</Table.Th>
                {state === 'open' && <Table.Th>{t('credentialRequests.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((request) => (
                <Table.Tr key={request.id}>
                  <Table.Td>
                    <Link to="/operator/accounts/$id" params={{ id: request.accountId }}>
                      {request.companyName}
                    </Link>
                    <Text size="sm" c="dimmed">
                      {request.customerNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{request.requesterName}</Text>
                    <Text size="sm" c="dimmed">
                      {request.requesterEmail}
                    </Text>
                    {request.requesterIsAdmin && (
                      <Badge color="green" variant="light" mt={4}>
                        {t('credentialRequests.requesterIsAdmin')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {request.message ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(request.createdAt, i18n.language)}</Text>
                    <Text size="sm" c="dimmed">
                      {t(`credentialRequests.via.${request.via}`)}
                    </Text>
                    {request.answeredAt && (
                      <Text size="sm" c="dimmed">
                        {t(`credentialRequests.states.${request.state}`)}:{' '}
                        {formatDateTime(request.answeredAt, i18n.language)}
                      </Text>
                    )}
                  </Table.Td>
                  {state === 'open' && (
                    <Table.Td>
                      <Stack gap="xs" align="flex-start">
                        <Button size="xs" onClick={() => setPending({ action: 'send', request })}>
                          {t('credentialRequests.send')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setPending({ action: 'dismiss', request })}
                        >
                          {t('credentialRequests.dismiss')}
                        </Button>
                      </Stack>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={pending !== null}
        title={t(
          pending?.action === 'dismiss' ? 'credentialRequests.dismissTitle' : 'credentialRequests.sendTitle',
        )}
        confirmLabel={t(
          pending?.action === 'dismiss' ? 'credentialRequests.dismiss' : 'credentialRequests.send',
        )}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        {t(pending?.action === 'dismiss' ? 'credentialRequests.dismissText' : 'credentialRequests.sendText', {
          company: pending?.request.companyName ?? '',
          customerNumber: pending?.request.customerNumber ?? '',
          requester: pending?.request.requesterName ?? '',
        })}
      </ConfirmDialog>
    </>
  );
}
