import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCustomer, useSession } from '../../app/session.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import type { Credentials } from '../../ui/CredentialList.tsx';
import { displayName } from '../../ui/display-name.ts';
import { notifyDone } from '../../ui/notify.tsx';
import { PasswordConfirmDialog } from '../../ui/PasswordConfirmDialog.tsx';
import type { ConfirmedAction } from './UserActions.tsx';
import type { AccountUser } from './UserForm.tsx';
import { usersChanged } from './users-changed.ts';

export interface PendingConfirm {
  action: ConfirmedAction;
  user: AccountUser;
}

/**
 * A row's action that is asked first: grant or revoke the admin right, a new access key, delete. Done, it
 * announces itself; a new access key is handed on to be shown once (and announced when that dialog closes).
 */
export function UserConfirmDialog({
  opened,
  pending,
  onDone,
  onClose,
  onExitTransitionEnd,
}: {
  opened: boolean;
  /** The action and user last asked about (kept while the dialog fades out). */
  pending: PendingConfirm | null;
  /** Succeeded; `fresh` is the new access key after "rotate", else null. */
  onDone: (fresh: Credentials | null) => void;
  onClose: () => void;
  onExitTransitionEnd: () => void;
}) {
  const { t } = useTranslation();
  const session = useCustomer();
  const { recheck } = useSession();
  const queryClient = useQueryClient();
  const rotate = api.useMutation('post', '/api/v1/accounts/{accountId}/users/{userId}/access-keys');
  const grant = api.useMutation('put', '/api/v1/accounts/{accountId}/users/{userId}/admin');
  const revoke = api.useMutation('delete', '/api/v1/accounts/{accountId}/users/{userId}/admin');
  const remove = api.useMutation('delete', '/api/v1/accounts/{accountId}/users/{userId}');
  const transfer = api.useMutation('put', '/api/v1/accounts/{accountId}/owner');

  const confirmed = async ({ action, user }: PendingConfirm, currentPassword = '') => {
    const params = { path: { accountId: session.account.id, userId: user.id } };
    const name = displayName(user);
    if (action === 'transfer') {
      const path = { accountId: session.account.id };
      await transfer.mutateAsync({ params: { path }, body: { userId: user.id, currentPassword } });
      notifyDone(t('users.transferred', { name }));
      void recheck(); // the former owner is an admin from now on
      void usersChanged(queryClient);
      return onDone(null);
    }
    if (action === 'rotate') {
      const fresh = await rotate.mutateAsync({ params, body: { currentPassword } });
      // The list shows nothing of the key; only the audit log has a new entry.
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/audit'] });
      return onDone(fresh);
    }
    if (action === 'grant') {
      await grant.mutateAsync({ params });
      notifyDone(t('users.granted', { name }));
    } else if (action === 'revoke') {
      await revoke.mutateAsync({ params });
      notifyDone(t('users.revoked', { name }));
      // Whoever revokes their own right loses the admin pages at once.
      if (user.id === session.user.id) void recheck();
    } else {
      await remove.mutateAsync({ params });
      notifyDone(t('users.deleted', { name }));
    }
    void usersChanged(queryClient);
    onDone(null);
  };

  const texts = pending && confirmTexts(t, pending, session.account.role === 'owner');
  // A new access key and a new owner need the person's own password (SECURITY.md 15).
  const withPassword = pending?.action === 'rotate' || pending?.action === 'transfer';
  if (withPassword) {
    return (
      <PasswordConfirmDialog
        opened={opened}
        title={texts?.title ?? ''}
        confirmLabel={texts?.button ?? ''}
        onConfirm={(currentPassword) => confirmed(pending, currentPassword)}
        onClose={onClose}
        onExitTransitionEnd={onExitTransitionEnd}
      >
        {texts?.text ?? ''}
      </PasswordConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      opened={opened}
      title={texts?.title ?? ''}
      confirmLabel={texts?.button ?? ''}
      danger={pending?.action === 'revoke' || pending?.action === 'delete'}
      onConfirm={() => (pending ? confirmed(pending) : Promise.resolve())}
      onClose={onClose}
      onExitTransitionEnd={onExitTransitionEnd}
    >
      {texts?.text ?? ''}
    </ConfirmDialog>
  );
}

/** What the dialog asks, for each action. */
function confirmTexts(t: TFunction, { action, user }: PendingConfirm, isOwner: boolean) {
  const name = displayName(user);
  switch (action) {
    case 'grant':
      return {
        title: t('users.confirmGrant.title'),
        // The owner is told by e-mail when someone else grants the right.
        text: t(isOwner ? 'users.confirmGrant.text' : 'users.confirmGrant.textOwnerTold', { name }),
        button: t('users.confirmGrant.button'),
      };
    case 'revoke':
      return {
        title: t('users.confirmRevoke.title'),
        text: t('users.confirmRevoke.text', { name }),
        button: t('users.confirmRevoke.button'),
      };
    case 'rotate':
      return {
        title: t('users.confirmRotate.title'),
        text: t('users.confirmRotate.text', { name }),
        button: t('users.confirmRotate.button'),
      };
    case 'transfer':
      return {
        title: t('users.confirmTransfer.title'),
        text: t('users.confirmTransfer.text', { name }),
        button: t('users.confirmTransfer.button'),
      };
    case 'delete':
      return {
        title: t('users.confirmDelete.title'),
        text: t('users.confirmDelete.text', { name, userNumber: user.userNumber }),
        button: t('users.confirmDelete.button'),
      };
  }
}
