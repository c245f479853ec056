import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Menu,
  Modal,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconDots, IconDownload, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCan } from '../../app/permissions.ts';
import { domainDetailRoute } from '../../app/router.tsx';
import { useCustomer } from '../../app/session.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { DomainForm } from './DomainForm.tsx';
import { type DnsRecord, RecordForm } from './RecordForm.tsx';
import { RedirectText } from './RedirectText.tsx';

type Dialog =
  | { kind: 'settings' }
  | { kind: 'record'; record?: DnsRecord }
  | { kind: 'deleteRecord'; record: DnsRecord }
  | { kind: 'deleteDomain' };

/** The record's data as the zone file writes it, after the type. */
const dataOf = (record: DnsRecord) =>
  [record.priority, record.weight, record.port, record.flags, record.tag, record.value]
    .filter((part) => part !== null)
    .join(' ');

/** D2: one domain: registrant, redirect, DNS records and the zone file; edit controls only for "domains.manage". */
export function DomainPage() {
  const { t } = useTranslation();
  const { id } = domainDetailRoute.useParams();
  const accountId = useCustomer().account.id;
  const canManage = useCan()('domains.manage');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const path = { accountId, domainId: id };
  const {
    data: domain,
    error,
    isPending,
  } = api.useQuery('get', '/api/v1/accounts/{accountId}/domains/{domainId}', { params: { path } });
  const removeRecord = api.useMutation(
    'delete',
    '/api/v1/accounts/{accountId}/domains/{domainId}/records/{recordId}',
  );
  const removeDomain = api.useMutation('delete', '/api/v1/accounts/{accountId}/domains/{domainId}');
  const close = () => setDialog(null);

  if (isPending) return <Loading />;
  if (error || !domain) return <ErrorAlert message={error?.message ?? ''} />;

  const confirmRecordDelete = async () => {
    if (dialog?.kind !== 'deleteRecord') return;
    await removeRecord.mutateAsync({ params: { path: { ...path, recordId: dialog.record.id } } });
    await queryClient.invalidateQueries({
      queryKey: ['get', '/api/v1/accounts/{accountId}/domains/{domainId}'],
    });
    notifyDone(t('domains.records.removed'));
    close();
  };
  const confirmDomainDelete = async () => {
    await removeDomain.mutateAsync({ params: { path } });
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/domains'] });
    notifyDone(t('domains.removed', { name: domain.displayName }));
    close();
    await navigate({ to: '/account/domains' });
  };

  return (
    <>
      <Anchor component={Link} to="/account/domains" size="sm" mb="md" display="block">
        {t('domains.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{domain.displayName}</PageTitle>
        <Group>
          <Button
            component="a"
            variant="default"
            href={`/api/v1/accounts/${accountId}/domains/${domain.id}/zone`}
            download={`${domain.name}.zone`}
            leftSection={<IconDownload size={18} aria-hidden />}
          >
            {t('domains.export')}
          </Button>
          {canManage && (
            <Button variant="default" onClick={() => setDialog({ kind: 'settings' })}>
              {t('domains.editSettings')}
            </Button>
          )}
          {canManage && (
            <Button color="red" variant="light" onClick={() => setDialog({ kind: 'deleteDomain' })}>
              {t('domains.remove')}
            </Button>
          )}
        </Group>
      </Group>
      <Table variant="vertical" withTableBorder mb="lg" maw={720}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={200}>{t('domains.asciiName')}</Table.Th>
            <Table.Td>{domain.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('domains.registrant')}</Table.Th>
            <Table.Td>{domain.registrant.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('domains.redirect')}</Table.Th>
            <Table.Td>
              <RedirectText kind={domain.redirectKind} target={domain.redirectTarget} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('domains.serial')}</Table.Th>
            <Table.Td>{domain.zoneSerial}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>

      <section aria-labelledby="dns-records-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="dns-records-title">
            {t('domains.records.title')}
          </Title>
          {canManage && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => setDialog({ kind: 'record' })}
            >
              {t('domains.records.new')}
            </Button>
          )}
        </Group>
        {domain.records.length === 0 ? (
          <Text c="dimmed">{t('domains.records.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('domains.records.title')} verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('domains.records.name')}</Table.Th>
                  <Table.Th>{t('domains.records.type')}</Table.Th>
                  <Table.Th>{t('domains.records.ttl')}</Table.Th>
                  <Table.Th>{t('domains.records.data')}</Table.Th>
                  {canManage && (
                    <Table.Th className="sticky-actions">
                      <VisuallyHidden>{t('domains.records.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {domain.records.map((record) => (
                  <Table.Tr key={record.id}>
                    <Table.Td>{record.name}</Table.Td>
                    <Table.Td>{record.type}</Table.Td>
                    <Table.Td>{record.ttl}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere', fontFamily: 'monospace' }}>
                      {dataOf(record)}
                    </Table.Td>
                    {canManage && (
                      <Table.Td className="sticky-actions">
                        <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
                          <Menu.Target>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t('domains.records.actionsFor', {
                                name: record.fqdn,
                                type: record.type,
                              })}
                            >
                              <IconDots size={18} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => setDialog({ kind: 'record', record })}>
                              {t('domains.records.edit')}
                            </Menu.Item>
                            <Menu.Item
                              color="red"
                              onClick={() => setDialog({ kind: 'deleteRecord', record })}
                            >
                              {t('domains.records.remove')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>

      <Modal
        opened={dialog?.kind === 'settings' || dialog?.kind === 'record'}
        onClose={close}
        title={
          dialog?.kind === 'settings'
            ? t('domains.editSettings')
            : t(
                dialog?.kind === 'record' && dialog.record
                  ? 'domains.records.editTitle'
                  : 'domains.records.new',
              )
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
        size="lg"
      >
        {dialog?.kind === 'settings' && (
          <DomainForm
            accountId={accountId}
            domain={domain}
            onCancel={close}
            onDone={() => {
              notifyDone(t('domains.changed', { name: domain.displayName }));
              close();
            }}
          />
        )}
        {dialog?.kind === 'record' && (
          <RecordForm
            key={dialog.record?.id ?? 'new'}
            accountId={accountId}
            domain={domain}
            record={dialog.record}
            onCancel={close}
            onDone={() => {
              notifyDone(t(dialog.record ? 'domains.records.changed' : 'domains.records.added'));
              close();
            }}
          />
        )}
      </Modal>
      <ConfirmDialog
        opened={dialog?.kind === 'deleteRecord'}
        title={t('domains.records.removeTitle')}
        confirmLabel={t('domains.records.remove')}
        danger
        onConfirm={confirmRecordDelete}
        onClose={close}
      >
        {dialog?.kind === 'deleteRecord' &&
          t('domains.records.removeConfirm', { name: dialog.record.fqdn, type: dialog.record.type })}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog?.kind === 'deleteDomain'}
        title={t('domains.removeTitle')}
        confirmLabel={t('domains.remove')}
        danger
        onConfirm={confirmDomainDelete}
        onClose={close}
      >
        {t('domains.removeConfirm', { name: domain.displayName })}
      </ConfirmDialog>
    </>
  );
}
