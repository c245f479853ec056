// M3 / CONVENTIONS 6: permissions are data, one catalogue for the whole product. Owners and admins hold
// all of them; a member holds the ones chosen for them. Every route asks can(actor, permission, account).
export const permissions = [
  'users.manage', // see every user; create, change, delete, reassign users; rotate their access keys
  'admins.manage', // grant and revoke the admin right
  'audit.read',
  'contacts.manage',
  'invoices.view',
  'invoices.pay',
  'products.view', // view products & services
  'domains.manage', // modify domain settings
  'support.open', // open support requests
  'services.use', // use online services
  'remote_support.host',
  'account.edit', // edit the account profile
] as const;

export type Permission = (typeof permissions)[number];
export type Role = 'owner' | 'admin' | 'member';

const catalogue = new Set<string>(permissions);
export const isPermission = (name: string): name is Permission => catalogue.has(name);

/** The stored JSON array; names no longer in the catalogue grant nothing. */
export function parsePermissions(stored: string): Permission[] {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((name): name is Permission => isPermission(String(name))) : [];
}

/** Who acts, in which account, with which role and (for a member) which chosen permissions. */
export interface Grant {
  accountId: string;
  role: Role;
  permissions: readonly Permission[];
}

/** What a grant holds: everything for the owner and admins, the chosen permissions for a member. */
export function heldPermissions(grant: Pick<Grant, 'role' | 'permissions'>): Permission[] {
  return isAdminRole(grant.role)
    ? [...permissions]
    : permissions.filter((p) => grant.permissions.includes(p));
}

export function can(actor: Grant, permission: Permission, accountId: string): boolean {
  if (actor.accountId !== accountId) return false;
  return isAdminRole(actor.role) || actor.permissions.includes(permission);
}

/** Owners hold the admin right too; it cannot be taken from them (transfer ownership first). */
export const isAdminRole = (role: Role): boolean => role === 'owner' || role === 'admin';
