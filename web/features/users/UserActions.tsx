import { ActionIcon, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../ui/display-name.ts';
import { DotsIcon } from '../../ui/icons.tsx';
import type { AccountUser } from './users-types.ts';

/** What a row's menu asks to confirm before doing it. */
export type ConfirmedAction = 'grant' | 'revoke' | 'rotate' | 'delete';

/**
 * A row's actions; owners cannot lose the admin right, be reassigned or be deleted, nobody deletes or
 * reassigns themselves here, and the admin right is offered only to users with an e-mail address.
 */
export function UserActions({
  user,
  own,
  onEdit,
  onReassign,
  onConfirm,
}: {
  user: AccountUser;
  own: boolean;
  onEdit: () => void;
  onReassign: () => void;
  onConfirm: (action: ConfirmedAction) => void;
}) {
  const { t } = useTranslation();
  const name = displayName(user);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { name })}>
          <DotsIcon />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={onEdit}>{t('users.edit')}</Menu.Item>
        {user.role === 'member' &&
          (user.email ? (
            <Menu.Item onClick={() => onConfirm('grant')}>{t('users.grant')}</Menu.Item>
          ) : (
            <Menu.Item disabled>{t('users.grantNeedsEmail')}</Menu.Item>
          ))}
        {user.role === 'admin' && (
          <Menu.Item onClick={() => onConfirm('revoke')}>{t('users.revoke')}</Menu.Item>
        )}
        <Menu.Item onClick={() => onConfirm('rotate')}>{t('users.rotate')}</Menu.Item>
        {!own && user.role !== 'owner' && <Menu.Item onClick={onReassign}>{t('users.reassign')}</Menu.Item>}
        {!own && user.role !== 'owner' && (
          <>
            <Menu.Divider />
            <Menu.Item color="red" onClick={() => onConfirm('delete')}>
              {t('users.delete')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
