// M3 in the browser: the web app offers only what the session says the person may do in the account it
// acts in. The server refuses the rest anyway (403); this only keeps buttons out of the way.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../src/shared/permissions.ts';
import { useSession } from './session.tsx';

export type { Permission } from '../../src/shared/permissions.ts';
export { permissions } from '../../src/shared/permissions.ts';

/** can('users.manage') for the customer signed in; false for anyone else. */
export function useCan(): (permission: Permission) => boolean {
  const { customer } = useSession();
  const held = customer?.account.permissions;
  return useCallback((permission: Permission) => held?.includes(permission) ?? false, [held]);
}

/** Permissions as a person reads them: "Read the audit log, View invoices", or that there are none. */
export function usePermissionNames(): (names: readonly Permission[]) => string {
  const { t } = useTranslation();
  return useCallback(
    (names: readonly Permission[]) =>
      names.map((name) => t(`permissionNames.${name}`)).join(', ') || t('account.permissionsNone'),
    [t],
  );
}
