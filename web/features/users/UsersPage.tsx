import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconUpload, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCan } from '../../app/permissions.ts';
import { useProvider } from '../../app/provider.tsx';
import { useCustomer, useSession } from '../../app/session.tsx';
import type { Credentials } from '../../ui/CredentialList.tsx';
import { displayName } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Paging } from '../../ui/Paging.tsx';
import { useRetained } from '../../ui/use-retained.ts';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { AccountActivations } from '../activation/ActivationsSection.tsx';
import { InvitationsSection } from '../invitations/InvitationsSection.tsx';
import { MemberNumberDialog } from '../numbers/MemberNumberDialog.tsx';
import { CredentialsDialog, type ShownCredentials } from './CredentialsDialog.tsx';
import { ImportUsersDialog } from './ImportUsersDialog.tsx';
import { PermissionsDialog } from './PermissionsDialog.tsx';
import { UserActions } from './UserActions.tsx';
import { type PendingConfirm, UserConfirmDialog } from './UserConfirmDialog.tsx';
import { type AccountUser, UserForm, type UserFormMode, type UserFormResult } from './UserForm.tsx';

const pageSize = 20;

type Dialog =
  | { kind: 'form'; mode: UserFormMode; user?: AccountUser }
  | ({ kind: 'confirm' } & PendingConfirm)
  | { kind: 'credentials'; shown: ShownCredentials; done: string }
  | { kind: 'import' }
  | { kind: 'permissions'; user: AccountUser }
  | { kind: 'number'; user: AccountUser };

/** U1–U6, A4: the account's users with their seats; admins create, change, reassign and delete them. */
export function UsersPage() {
  const { t } = useTranslation();
  const session = useCustomer();
  const { recheck } = useSession();
  const { provider } = useProvider();
  const focus = useReturnFocus();
  const accountId = session.account.id;
  const can = useCan();
  const isAdmin = can('users.manage');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const { data, error, isPending } = api.useQuery(
    'get',
    '/api/v1/accounts/{accountId}/users',
    { params: { path: { accountId }, query: { q, page, pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // The dialog open right now, for the fade-out callbacks of the one before it.
  const current = useRef<Dialog | null>(null);

  const form = useRetained(dialog?.kind === 'form' ? dialog : null);
  const confirm = useRetained(dialog?.kind === 'confirm' ? dialog : null);
  const credentials = useRetained(dialog?.kind === 'credentials' ? dialog.shown : null);
  const permissionsOf = useRetained(dialog?.kind === 'permissions' ? dialog.user : null);
  const numberOf = useRetained(dialog?.kind === 'number' ? dialog.user : null);

  const show = (next: Dialog | null) => {
    current.current = next;
    setDialog(next);
  };
  /** Opens a dialog from a button or menu item, which gets focus back when the dialog chain ends. */
  const open = (next: Dialog) => {
    focus.remember();
    show(next);
  };
  const close = () => show(null);
  /** A dialog has faded out: focus goes back unless it handed over to the next dialog. */
  const dialogGone = () => {
    if (current.current === null) focus.returnFocus();
  };
  const closeCredentials = () => {
    if (dialog?.kind === 'credentials') notifyDone(dialog.done);
    close();
  };

  const changeSearch = (value: string) => {
    setSearch(value);
    setPage(1);
  };

  /** The credentials are shown once; the change is announced when their dialog is closed. */
  const showCredentials = (user: AccountUser, shown: Credentials, done: string, rotated = false) => {
    const adminEmail = session.user.email;
    const sentTo = user.email
      ? { email: user.email, own: true }
      : adminEmail
        ? { email: adminEmail, own: false }
        : null;
    show({
      kind: 'credentials',
      shown: { credentials: shown, name: displayName(user), sentTo, rotated },
      done,
    });
  };

  const formDone = (result: UserFormResult) => {
    if (result.kind === 'credentials') {
      const { user } = result.result;
      const done = t(result.mode === 'create' ? 'users.created' : 'users.reassigned', {
        name: displayName(user),
        userNumber: user.userNumber,
      });
      return showCredentials(user, result.result.credentials, done);
    }
    close();
    if (result.kind === 'activation') {
      notifyDone(t('users.activationSent', { name: displayName(result.user), email: result.sentTo }));
      return;
    }
    if (result.user) {
      notifyDone(t('users.updated', { name: displayName(result.user) }));
      // The header shows the signed-in person's name and language.
      if (result.user.id === session.user.id) void recheck();
    }
  };

  const confirmDone = (fresh: Credentials | null) => {
    if (fresh && confirm) {
      return showCredentials(
        confirm.user,
        fresh,
        t('users.rotated', { name: displayName(confirm.user) }),
        true,
      );
    }
    close();
  };

  const seats = data?.seats;
  const full = seats ? seats.used >= seats.limit : false;
  const seatsText = seats ? t('users.seats', { used: seats.used, limit: seats.limit }) : '';

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('users.title')}</PageTitle>
        {isAdmin && (
          <Group gap="sm">
            <Button
              component="a"
              variant="default"
              href={`/api/v1/accounts/${encodeURIComponent(accountId)}/users/export.csv`}
              download="users.csv"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              {t('usersImport.export')}
            </Button>
            <Button
              variant="default"
              onClick={() => open({ kind: 'import' })}
              leftSection={<IconUpload size={18} aria-hidden />}
            >
              {t('usersImport.open')}
            </Button>
            {/* With every seat taken the form could only fail: the button says no, and the hint says why. */}
            <Button
              leftSection={<IconUserPlus size={18} aria-hidden />}
              onClick={() => open({ kind: 'form', mode: 'create' })}
              disabled={full}
              aria-describedby={full ? 'seats-full-hint' : undefined}
            >
              {t('users.new')}
            </Button>
          </Group>
        )}
      </Group>
      <Text mb="md">{isAdmin ? t('users.introAdmin') : t('users.introMember')}</Text>
      {seats && (
        <Stack gap={4} mb="lg" maw={420}>
          <Text size="sm" fw={500}>
            {seatsText}
          </Text>
          {/* Mantine puts aria-label (not aria-labelledby) on the progressbar itself. */}
          <Progress
            value={seats.limit > 0 ? Math.min(100, (seats.used / seats.limit) * 100) : 100}
            color={full ? 'red' : undefined}
            aria-label={seatsText}
          />
          {full && isAdmin && (
            <Text size="sm" id="seats-full-hint">
              {t('users.seatsFullHint', { provider: provider?.name ?? '' })}
            </Text>
          )}
        </Stack>
      )}
      {isAdmin && (
        <TextInput
          type="search"
          label={t('users.search')}
          description={t('users.searchHint')}
          value={search}
          onChange={(event) => changeSearch(event.currentTarget.value)}
          maw={420}
          mb="md"
        />
      )}
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && data.items.length === 0 && <Text c="dimmed">{t('users.noMatch')}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('users.caption')} verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.userNumber')}</Table.Th>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('users.username')}</Table.Th>
                <Table.Th>{t('users.email')}</Table.Th>
                {isAdmin && (
                  <Table.Th className="sticky-actions">
                    <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((user) => {
                const own = user.id === session.user.id;
                const name = displayName(user);
                return (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {/* Bold marks the admin right, as in the desktop program; the badge says it in words. */}
                        <Text ff="monospace" fw={user.isAdmin ? 700 : 400}>
                          {user.userNumber}
                        </Text>
                        {user.isAdmin && (
                          // The badge keeps its width: the table scrolls rather than cutting the role short.
                          <Badge
                            size="sm"
                            variant="light"
                            color={user.role === 'owner' ? 'grape' : 'indigo'}
                            style={{ flexShrink: 0 }}
                          >
                            {t(`roles.${user.role}`)}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {own ? (
                        <Group gap={6} wrap="nowrap">
                          <Anchor component={Link} to="/account">
                            {name}
                          </Anchor>
                          <Text size="sm" c="dimmed">
                            {t('users.you')}
                          </Text>
                        </Group>
                      ) : (
                        name
                      )}
                      {user.status === 'pending_activation' && (
                        <Badge size="sm" variant="light" color="orange" mt={4}>
                          {t('users.pendingActivation')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{user.username}</Table.Td>
                    <Table.Td>
                      {user.email ?? (
                        <Text span c="dimmed" size="sm">
                          {t('users.noEmail')}
                        </Text>
                      )}
                    </Table.Td>
                    {isAdmin && (
                      <Table.Td className="sticky-actions">
                        {/* The owner's user is the owner's own business. */}
                        {(user.role !== 'owner' || own) && (
                          <UserActions
                            user={user}
                            own={own}
                            canManageAdmins={can('admins.manage')}
                            isOwner={session.account.role === 'owner'}
                            onEdit={() => open({ kind: 'form', mode: 'edit', user })}
                            onPermissions={() => open({ kind: 'permissions', user })}
                            onNumber={() => open({ kind: 'number', user })}
                            onReassign={() => open({ kind: 'form', mode: 'reassign', user })}
                            onConfirm={(action) => open({ kind: 'confirm', action, user })}
                          />
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && <Paging page={page} total={data.total} pageSize={pageSize} onChange={setPage} />}
      {isAdmin && (
        <Stack mt="xl">
          <AccountActivations accountId={accountId} />
        </Stack>
      )}

      <Modal
        opened={dialog?.kind === 'form'}
        onClose={close}
        returnFocus={false}
        onExitTransitionEnd={dialogGone}
        title={
          form
            ? form.mode === 'create'
              ? t('users.new')
              : t(form.mode === 'edit' ? 'users.editTitle' : 'users.reassignDialogTitle', {
                  name: form.user ? displayName(form.user) : '',
                })
            : ''
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
        size="lg"
      >
        {form && (
          <UserForm
            mode={form.mode}
            accountId={accountId}
            user={form.user}
            onDone={formDone}
            onCancel={close}
          />
        )}
      </Modal>
      <UserConfirmDialog
        opened={dialog?.kind === 'confirm'}
        pending={confirm}
        onDone={confirmDone}
        onClose={close}
        onExitTransitionEnd={dialogGone}
      />
      {isAdmin && (
        <ImportUsersDialog
          opened={dialog?.kind === 'import'}
          accountId={accountId}
          onClose={close}
          onExitTransitionEnd={dialogGone}
        />
      )}
      {isAdmin && <InvitationsSection />}
      <PermissionsDialog
        user={permissionsOf}
        opened={dialog?.kind === 'permissions'}
        onClose={close}
        onExitTransitionEnd={dialogGone}
      />
      {isAdmin && (
        <MemberNumberDialog
          user={numberOf && { id: numberOf.id, name: displayName(numberOf) }}
          opened={dialog?.kind === 'number'}
          onClose={close}
          onExitTransitionEnd={dialogGone}
        />
      )}
      <CredentialsDialog
        shown={credentials}
        opened={dialog?.kind === 'credentials'}
        onClose={closeCredentials}
        onExitTransitionEnd={dialogGone}
      />
    </>
  );
}
