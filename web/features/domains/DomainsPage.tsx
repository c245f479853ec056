import { Anchor, Button, Group, Modal, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCan } from '../../app/permissions.ts';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { DomainForm } from './DomainForm.tsx';
import { RedirectText } from './RedirectText.tsx';

/** D2: the account's domains; those with "modify domain settings" add them, "view products & services" reads. */
export function DomainsPage() {
  const { t } = useTranslation();
  const accountId = useCustomer().account.id;
  const canManage = useCan()('domains.manage');
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const { data, error, isPending } = api.useQuery('get', '/api/v1/accounts/{accountId}/domains', {
    params: { path: { accountId } },
  });

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('domains.title')}</PageTitle>
        {canManage && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t('domains.new')}
          </Button>
        )}
      </Group>
      <Text mb="md">{t(canManage ? 'domains.intro' : 'domains.introReadOnly')}</Text>
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && data.items.length === 0 && <Text c="dimmed">{t('domains.empty')}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('domains.caption')} verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('domains.name')}</Table.Th>
                <Table.Th>{t('domains.registrant')}</Table.Th>
                <Table.Th>{t('domains.redirect')}</Table.Th>
                <Table.Th>{t('domains.recordCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((domain) => (
                <Table.Tr key={domain.id}>
                  <Table.Td>
                    <Anchor
                      fw={500}
                      renderRoot={(props) => (
                        <Link {...props} to="/account/domains/$id" params={{ id: domain.id }} />
                      )}
                    >
                      {domain.displayName}
                    </Anchor>
                    {domain.displayName !== domain.name && (
                      <Text size="sm" c="dimmed">
                        {domain.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{domain.registrant.name}</Table.Td>
                  <Table.Td>
                    <RedirectText kind={domain.redirectKind} target={domain.redirectTarget} />
                  </Table.Td>
                  <Table.Td>{domain.recordCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('domains.new')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
        size="lg"
      >
        {adding && (
          <DomainForm
            accountId={accountId}
            onCancel={() => setAdding(false)}
            onDone={(saved) => {
              notifyDone(t('domains.added', { name: saved.displayName }));
              setAdding(false);
              void navigate({ to: '/account/domains/$id', params: { id: saved.id } });
            }}
          />
        )}
      </Modal>
    </>
  );
}
