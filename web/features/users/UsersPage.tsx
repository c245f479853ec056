import {
  Alert,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../app/api.ts';
import { useProvider } from '../../app/provider.tsx';
import { Link } from '../../app/router.tsx';
import { type CustomerSession, useSession } from '../../app/session.tsx';
import { useApiGet } from '../../app/use-api-get.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import type { Credentials } from '../../ui/CredentialList.tsx';
import { displayName } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PersonPlusIcon } from '../../ui/icons.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Paging } from '../../ui/Paging.tsx';
import { useRetained } from '../../ui/use-retained.ts';
import { CredentialsDialog, type ShownCredentials } from './CredentialsDialog.tsx';
import { ImportUsersDialog } from './ImportUsersDialog.tsx';
import { type ConfirmedAction, UserActions } from './UserActions.tsx';
import { UserForm, type UserFormMode, type UserFormResult } from './UserForm.tsx';
import { type AccountUser, type UserList, userPath, usersPath } from './users-types.ts';

const pageSize = 20;

type Dialog =
  | { kind: 'form'; mode: UserFormMode; user?: AccountUser }
  | { kind: 'confirm'; action: ConfirmedAction; user: AccountUser }
  | { kind: 'credentials'; shown: ShownCredentials }
  | { kind: 'import' };

/** U1–U6, A4: the account's users with their seats; admins create, change, reassign and delete them. */
export function UsersPage({ session }: { session: CustomerSession }) {
  const { t } = useTranslation();
  const { recheckCustomer } = useSession();
  const { provider } = useProvider();
  const accountId = session.account.id;
  const isAdmin = session.account.role !== 'member';
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const list = useApiGet<UserList>(`${usersPath(accountId)}${query({ q, page, pageSize })}`);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const data = list.data;

  const form = useRetained(dialog?.kind === 'form' ? dialog : null);
  const confirm = useRetained(dialog?.kind === 'confirm' ? dialog : null);
  const credentials = useRetained(dialog?.kind === 'credentials' ? dialog.shown : null);
  const close = () => setDialog(null);

  const changeSearch = (value: string) => {
    setSearch(value);
    setPage(1);
  };

  const show = (message: string) => {
    setError(null);
    setNotice(message);
  };

  const showCredentials = (user: AccountUser, shown: Credentials, rotated: boolean) => {
    const adminEmail = session.user.email;
    const sentTo = user.email
      ? { email: user.email, own: true }
      : adminEmail
        ? { email: adminEmail, own: false }
        : null;
    setDialog({
      kind: 'credentials',
      shown: { credentials: shown, name: displayName(user), sentTo, rotated },
    });
  };

  const formDone = (result: UserFormResult) => {
    list.reload();
    if (result.kind === 'credentials') {
      const { user } = result.result;
      show(
        t(result.mode === 'create' ? 'users.created' : 'users.reassigned', {
          name: displayName(user),
          userNumber: user.userNumber,
        }),
      );
      return showCredentials(user, result.result.credentials, false);
    }
    close();
    if (result.user) {
      show(t('users.updated', { name: displayName(result.user) }));
      if (result.user.id === session.user.id) void recheckCustomer();
    }
  };

  const confirmed = async (action: ConfirmedAction, user: AccountUser) => {
    const path = userPath(accountId, user.id);
    const name = displayName(user);
    switch (action) {
      case 'rotate': {
        const fresh = await api.post<Credentials>(`${path}/access-keys`);
        show(t('users.rotated', { name }));
        showCredentials(user, fresh, true);
        return;
      }
      case 'grant':
        await api.put(`${path}/admin`);
        show(t('users.granted', { name }));
        break;
      case 'revoke':
        await api.delete(`${path}/admin`);
        show(t('users.revoked', { name }));
        // Whoever revokes their own right loses the admin pages at once.
        if (user.id === session.user.id) void recheckCustomer();
        break;
      case 'delete':
        await api.delete(path);
        show(t('users.deleted', { name }));
        break;
    }
    close();
    list.reload();
  };
  const isOwner = session.account.role === 'owner';

  const imported = (created: number) => {
    close();
    show(t('usersImport.done', { count: created }));
    list.reload();
  };

  const confirmTexts =
    confirm &&
    {
      grant: {
        title: t('users.confirmGrant.title'),
        text: t(isOwner ? 'users.confirmGrant.text' : 'users.confirmGrant.textOwnerTold', {
          name: displayName(confirm.user),
        }),
        button: t('users.confirmGrant.button'),
      },
      revoke: {
        title: t('users.confirmRevoke.title'),
        text: t('users.confirmRevoke.text', { name: displayName(confirm.user) }),
        button: t('users.confirmRevoke.button'),
      },
      rotate: {
        title: t('users.confirmRotate.title'),
        text: t('users.confirmRotate.text', { name: displayName(confirm.user) }),
        button: t('users.confirmRotate.button'),
      },
      delete: {
        title: t('users.confirmDelete.title'),
        text: t('users.confirmDelete.text', {
          name: displayName(confirm.user),
          userNumber: confirm.user.userNumber,
        }),
        button: t('users.confirmDelete.button'),
      },
    }[confirm.action];

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
              href={`${usersPath(accountId)}/export.csv`}
              download="users.csv"
            >
              {t('usersImport.export')}
            </Button>
            <Button variant="default" onClick={() => setDialog({ kind: 'import' })}>
              {t('usersImport.open')}
            </Button>
            {/* With every seat taken the form could only fail: the button says no, and the hint says why. */}
            <Button
              leftSection={<PersonPlusIcon />}
              onClick={() => setDialog({ kind: 'form', mode: 'create' })}
              disabled={full}
              aria-describedby={full ? 'seats-full-hint' : undefined}
            >
              {t('users.new')}
            </Button>
          </Group>
        )}
      </Group>
      <Text mb="md">{isAdmin ? t('users.introAdmin') : t('users.introMember')}</Text>
      {notice && (
        <Alert color="green" variant="light" role="status" mb="md">
          {notice}
        </Alert>
      )}
      <ErrorAlert message={error} />
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
      {list.status === 'loading' && <Loading />}
      {list.status === 'failed' && <ErrorAlert message={list.error.message} />}
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
                  <Table.Th>
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
                          <Badge size="sm" variant="light" color={user.role === 'owner' ? 'grape' : 'indigo'}>
                            {t(`roles.${user.role}`)}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {own ? (
                        <Group gap={6} wrap="nowrap">
                          <Anchor component={Link} href="/account">
                            {name}
                          </Anchor>
                          <Text size="sm" c="dimmed">
                            {t('users.you')}
                          </Text>
                        </Group>
                      ) : (
                        name
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
                      <Table.Td>
                        {/* The owner's user is the owner's own business. */}
                        {(user.role !== 'owner' || own) && (
                          <UserActions
                            user={user}
                            own={own}
                            onEdit={() => setDialog({ kind: 'form', mode: 'edit', user })}
                            onReassign={() => setDialog({ kind: 'form', mode: 'reassign', user })}
                            onConfirm={(action) => setDialog({ kind: 'confirm', action, user })}
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

      <Modal
        opened={dialog?.kind === 'form'}
        onClose={close}
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
      <ConfirmDialog
        opened={dialog?.kind === 'confirm'}
        title={confirmTexts?.title ?? ''}
        confirmLabel={confirmTexts?.button ?? ''}
        danger={confirm?.action === 'revoke' || confirm?.action === 'delete'}
        onConfirm={() => (confirm ? confirmed(confirm.action, confirm.user) : Promise.resolve())}
        onClose={close}
      >
        {confirmTexts?.text ?? ''}
      </ConfirmDialog>
      {isAdmin && (
        <ImportUsersDialog
          opened={dialog?.kind === 'import'}
          accountId={accountId}
          onImported={imported}
          onClose={close}
        />
      )}
      <CredentialsDialog shown={credentials} opened={dialog?.kind === 'credentials'} onClose={close} />
    </>
  );
}
