import { Alert, Badge, Button, Group, Modal, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useOperatorRole } from '../../app/operator-roles.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { displayName } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { type AccountUser, UserForm, type UserFormResult } from '../users/UserForm.tsx';
import { usersChanged } from '../users/users-changed.ts';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: AccountUser }
  | { kind: 'delete'; user: AccountUser };

/**
 * Issue 16, item 2 (seed 003): the account's users in the operator area. Support changes them on the
 * customer's order, as the account's admins could; the owner hears of each change and may switch it off.
 */
export function AccountUsersSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const holdsSupport = useOperatorRole()('support');
  const params = { params: { path: { accountId }, query: { page: 1, pageSize: 100 } } };
  const list = api.useQuery('get', '/api/v1/operator/accounts/{accountId}/users', params);
  const remove = api.useMutation('delete', '/api/v1/operator/accounts/{accountId}/users/{userId}');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [open, setOpen] = useState(false);
  const focus = useReturnFocus();
  const show = (next: Dialog) => {
    focus.remember();
    setDialog(next);
    setOpen(true);
  };
  const mayAct = holdsSupport && list.data?.actingAllowed === true;

  const formDone = (result: UserFormResult) => {
    setOpen(false);
    if (result.kind === 'activation')
      notifyDone(t('users.activationSent', { name: displayName(result.user), email: result.sentTo }));
    else if (result.kind === 'updated' && result.user)
      notifyDone(t('users.updated', { name: displayName(result.user) }));
  };

  return (
    <section aria-labelledby="account-users-title">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={2} size="h4" id="account-users-title">
          {t('onOrder.title')}
        </Title>
        {mayAct && (
          <Button
            size="xs"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => show({ kind: 'create' })}
          >
            {t('users.new')}
          </Button>
        )}
      </Group>
      {list.data && (
        <Text size="sm" mb="sm">
          {t('users.seats', { used: list.data.seats.used, limit: list.data.seats.limit })}.{' '}
          {list.data.actingAllowed && t('onOrder.intro')}
        </Text>
      )}
      {list.data && !list.data.actingAllowed && (
        <Alert color="yellow" variant="light" mb="sm" role="note">
          {t('onOrder.off')}
        </Alert>
      )}
      {list.isPending && <Loading />}
      <ErrorAlert message={list.error?.message} />
      {list.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('onOrder.caption')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.userNumber')}</Table.Th>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('users.email')}</Table.Th>
                {mayAct && <Table.Th>{t('users.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td ff="monospace">{user.userNumber}</Table.Td>
                  <Table.Td>
                    {displayName(user)}{' '}
                    {user.role === 'owner' && (
                      <Badge variant="light" size="sm">
                        {t('roles.owner')}
                      </Badge>
                    )}
                    {user.status === 'pending_activation' && (
                      <Badge variant="light" color="yellow" size="sm">
                        {t('users.pendingActivation')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{user.email ?? t('users.noEmail')}</Table.Td>
                  {mayAct && (
                    <Table.Td>
                      {user.role !== 'owner' && (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('users.editTitle', { name: displayName(user) })}
                            onClick={() => show({ kind: 'edit', user })}
                          >
                            {t('users.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            color="red"
                            aria-label={t('onOrder.deleteOf', { name: displayName(user) })}
                            onClick={() => show({ kind: 'delete', user })}
                          >
                            {t('users.delete')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={open && dialog?.kind !== 'delete'}
        onClose={() => setOpen(false)}
        returnFocus={false}
        onExitTransitionEnd={focus.returnFocus}
        title={
          dialog?.kind === 'edit' ? t('users.editTitle', { name: displayName(dialog.user) }) : t('users.new')
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
        size="lg"
      >
        {dialog && dialog.kind !== 'delete' && (
          <UserForm
            mode={dialog.kind}
            accountId={accountId}
            user={dialog.kind === 'edit' ? dialog.user : undefined}
            onOrder
            onDone={formDone}
            onCancel={() => setOpen(false)}
          />
        )}
      </Modal>
      <ConfirmDialog
        opened={open && dialog?.kind === 'delete'}
        title={t('onOrder.deleteTitle', { name: dialog?.kind === 'delete' ? displayName(dialog.user) : '' })}
        confirmLabel={t('users.delete')}
        danger
        onConfirm={async () => {
          if (dialog?.kind !== 'delete') return;
          await remove.mutateAsync({ params: { path: { accountId, userId: dialog.user.id } } });
          void usersChanged(queryClient, true);
          notifyDone(t('users.deleted', { name: displayName(dialog.user) }));
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
        onExitTransitionEnd={focus.returnFocus}
      >
        {t('onOrder.deleteText')}
      </ConfirmDialog>
    </section>
  );
}
