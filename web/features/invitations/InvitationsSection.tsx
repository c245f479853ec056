import { ActionIcon, Badge, Button, Group, Menu, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconDots, IconMailPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api, asApiError } from '../../api/client.ts';
import { usePermissionNames } from '../../app/permissions.ts';
import { useCustomer } from '../../app/session.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { displayName } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { notifyDone, notifyFailed } from '../../ui/notify.tsx';
import { useRetained } from '../../ui/use-retained.ts';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { PermissionsDialog } from '../users/PermissionsDialog.tsx';
import { usersChanged } from '../users/users-changed.ts';
import { InviteDialog } from './InviteDialog.tsx';

type Guest = ApiResult<'/api/v1/accounts/{accountId}/guests'>['items'][number];
type Invitation = ApiResult<'/api/v1/accounts/{accountId}/invitations'>['items'][number];
type Dialog = { kind: 'invite' } | { kind: 'permissions'; guest: Guest } | { kind: 'remove'; guest: Guest };

const stateColors: Record<Invitation['state'], string> = {
  sent: 'blue',
  opened: 'indigo',
  expired: 'orange',
  accepted: 'green',
  revoked: 'gray',
};

/** M1, M4, S5: people from other accounts who act here, and the invitations with their state. */
export function InvitationsSection() {
  const { t, i18n } = useTranslation();
  const { account } = useCustomer();
  const queryClient = useQueryClient();
  const focus = useReturnFocus();
  const path = { accountId: account.id };
  const guests = api.useQuery('get', '/api/v1/accounts/{accountId}/guests', { params: { path } });
  const invitations = api.useQuery('get', '/api/v1/accounts/{accountId}/invitations', { params: { path } });
  const resend = api.useMutation('post', '/api/v1/accounts/{accountId}/invitations/{invitationId}/resend');
  const withdraw = api.useMutation('delete', '/api/v1/accounts/{accountId}/invitations/{invitationId}');
  const remove = api.useMutation('delete', '/api/v1/accounts/{accountId}/guests/{userId}');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const permissionsOf = useRetained(dialog?.kind === 'permissions' ? dialog.guest : null);
  const removing = useRetained(dialog?.kind === 'remove' ? dialog.guest : null);
  const open = (next: Dialog) => {
    focus.remember();
    setDialog(next);
  };
  const close = () => setDialog(null);
  const permissionNames = usePermissionNames();

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notifyDone(done);
      void usersChanged(queryClient);
    } catch (error) {
      notifyFailed(asApiError(error).message);
    }
  };

  return (
    <section aria-labelledby="guests-title">
      <Group justify="space-between" mt="xl" mb="xs">
        <Title order={2} size="h4" id="guests-title">
          {t('invitations.guestsTitle')}
        </Title>
        <Button leftSection={<IconMailPlus size={18} aria-hidden />} onClick={() => open({ kind: 'invite' })}>
          {t('invitations.invite')}
        </Button>
      </Group>
      <Text c="dimmed" size="sm" mb="md">
        {t('invitations.guestsIntro')}
      </Text>
      <ErrorAlert message={guests.error?.message ?? invitations.error?.message} />
      {guests.data && guests.data.items.length === 0 && <Text size="sm">{t('invitations.noGuests')}</Text>}
      {guests.data && guests.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('invitations.guestsTitle')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('invitations.homeAccount')}</Table.Th>
                <Table.Th>{t('account.permissions')}</Table.Th>
                <Table.Th className="sticky-actions">
                  <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {guests.data.items.map((guest) => (
                <Table.Tr key={guest.id}>
                  <Table.Td>
                    {displayName(guest)}
                    <Text size="sm" c="dimmed">
                      {guest.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{guest.homeAccountName ?? t('invitations.personalLogin')}</Table.Td>
                  <Table.Td>{permissionNames(guest.permissions)}</Table.Td>
                  <Table.Td className="sticky-actions">
                    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('users.actionsFor', { name: displayName(guest) })}
                        >
                          <IconDots size={18} aria-hidden />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => open({ kind: 'permissions', guest })}>
                          {t('users.permissions')}
                        </Menu.Item>
                        <Menu.Item color="red.9" onClick={() => open({ kind: 'remove', guest })}>
                          {t('invitations.remove')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {invitations.data && invitations.data.items.length > 0 && (
        <>
          <Title order={3} size="h5" mt="lg" mb="xs">
            {t('invitations.listTitle')}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label={t('invitations.listTitle')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('invitations.email')}</Table.Th>
                  <Table.Th>{t('invitations.state')}</Table.Th>
                  <Table.Th>{t('invitations.sentAt')}</Table.Th>
                  <Table.Th className="sticky-actions">
                    <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations.data.items.map((invitation) => {
                  const openOne = invitation.state !== 'accepted' && invitation.state !== 'revoked';
                  const params = { path: { ...path, invitationId: invitation.id } };
                  return (
                    <Table.Tr key={invitation.id}>
                      <Table.Td>
                        {invitation.email}
                        <Text size="sm" c="dimmed">
                          {permissionNames(invitation.permissions)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={stateColors[invitation.state]}>
                          {t(`invitations.states.${invitation.state}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {formatDateTime(invitation.createdAt, i18n.language, account.timeZone)}
                      </Table.Td>
                      <Table.Td className="sticky-actions">
                        {openOne && (
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() =>
                                act(() => resend.mutateAsync({ params }), t('invitations.resent', invitation))
                              }
                            >
                              {t('invitations.resend')}
                            </Button>
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              onClick={() =>
                                act(
                                  () => withdraw.mutateAsync({ params }),
                                  t('invitations.withdrawn', invitation),
                                )
                              }
                            >
                              {t('invitations.withdraw')}
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}

      <InviteDialog
        opened={dialog?.kind === 'invite'}
        onClose={close}
        onExitTransitionEnd={focus.returnFocus}
      />
      <PermissionsDialog
        user={permissionsOf}
        opened={dialog?.kind === 'permissions'}
        onClose={close}
        onExitTransitionEnd={focus.returnFocus}
      />
      <ConfirmDialog
        opened={dialog?.kind === 'remove'}
        title={t('invitations.confirmRemove.title')}
        confirmLabel={t('invitations.confirmRemove.button')}
        danger
        onConfirm={async () => {
          if (!removing) return;
          await remove.mutateAsync({ params: { path: { ...path, userId: removing.id } } });
          notifyDone(t('invitations.removed', { name: displayName(removing) }));
          void usersChanged(queryClient);
          close();
        }}
        onClose={close}
        onExitTransitionEnd={focus.returnFocus}
      >
        {t('invitations.confirmRemove.text', { name: removing ? displayName(removing) : '' })}
      </ConfirmDialog>
    </section>
  );
}
