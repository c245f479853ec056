// Issue 16 in the browser: the operator area offers changes only to operators whose roles allow them. The
// server refuses the rest anyway (403); this only keeps buttons out of the way.
import { useCallback } from 'react';
import type { OperatorRole } from '../../src/shared/operator-roles.ts';
import { useSession } from './session.tsx';

export type { OperatorRole } from '../../src/shared/operator-roles.ts';
export { operatorRoles } from '../../src/shared/operator-roles.ts';

/** holds('billing') for the operator signed in; false for anyone else. */
export function useOperatorRole(): (role: OperatorRole) => boolean {
  const { operator } = useSession();
  const roles = operator?.roles;
  return useCallback((role: OperatorRole) => roles?.includes(role) ?? false, [roles]);
}

/** The role the changes on an operator page need, by the page's path (the server's areas, http/access.ts). */
const pageRoles: [prefix: string, role: OperatorRole][] = [
  ['/operator/accounts', 'support'],
  ['/operator/support', 'support'],
  ['/operator/remote-support', 'support'],
  ['/operator/credential-requests', 'support'],
  ['/operator/services', 'billing'],
  ['/operator/invoices', 'billing'],
  ['/operator/bank-statements', 'billing'],
  ['/operator/direct-debits', 'billing'],
];

export const roleForChangesOn = (path: string): OperatorRole | null =>
  pageRoles.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1] ?? null;
