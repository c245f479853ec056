import { ActionIcon, Menu } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../ui/display-name.ts';
import type { AccountUser } from './UserForm.tsx';

/** What a row's menu asks to confirm before doing it. */
export type ConfirmedAction = 'grant' | 'revoke' | 'rotate' | 'transfer' | 'delete';

/**
 * A row's actions; owners cannot lose the admin right, be reassigned or be deleted, nobody deletes or
 * reassigns themselves here, and the admin right is offered only to users with an e-mail address.
 */
export function UserActions({
  user,
  own,
  canManageAdmins,
  isOwner,
  onEdit,
  onPermissions,
  onReassign,
  onNumber,
  onConfirm,
}: {
  user: AccountUser;
  own: boolean;
  /** Holds "manage admins": may grant and revoke the admin right. */
  canManageAdmins: boolean;
  /** The viewer owns the account: may hand ownership to an admin. */
  isOwner: boolean;
  onEdit: () => void;
  onPermissions: () => void;
  onReassign: () => void;
  /** T2: give the user an extension and a direct-dial number. */
  onNumber: () => void;
  onConfirm: (action: ConfirmedAction) => void;
}) {
  const { t } = useTranslation();
  const name = displayName(user);
  return (
    // No focus placeholder: a focusable role="presentation" element is not allowed inside role="menu".
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { name })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={onEdit}>{t('users.edit')}</Menu.Item>
        <Menu.Item onClick={onNumber}>{t('numbers.menuItem')}</Menu.Item>
        {user.role === 'member' && !own && (
          <Menu.Item onClick={onPermissions}>{t('users.permissions')}</Menu.Item>
        )}
        {canManageAdmins &&
          user.role === 'member' &&
          (user.email ? (
            <Menu.Item onClick={() => onConfirm('grant')}>{t('users.grant')}</Menu.Item>
          ) : (
            <Menu.Item disabled>{t('users.grantNeedsEmail')}</Menu.Item>
          ))}
        {canManageAdmins && user.role === 'admin' && (
          <Menu.Item onClick={() => onConfirm('revoke')}>{t('users.revoke')}</Menu.Item>
        )}
        {isOwner && !own && user.role === 'admin' && (
          <Menu.Item onClick={() => onConfirm('transfer')}>{t('users.transfer')}</Menu.Item>
        )}
        <Menu.Item onClick={() => onConfirm('rotate')}>{t('users.rotate')}</Menu.Item>
        {!own && user.role !== 'owner' && <Menu.Item onClick={onReassign}>{t('users.reassign')}</Menu.Item>}
        {!own && user.role !== 'owner' && (
          <>
            <Menu.Divider role="separator" />
            <Menu.Item color="red.9" onClick={() => onConfirm('delete')}>
              {t('users.delete')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
