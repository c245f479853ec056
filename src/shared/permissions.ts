// M3 / CONVENTIONS 6: permissions are data. Roles are sets of them; every route asks can(role, permission).
export const permissions = [
  'users.read_all', // see every user of the account (others see only themselves)
  'users.manage', // create, change, delete, reassign users; rotate their access keys
  'admins.manage', // grant and revoke the admin right
  'audit.read',
] as const;

export type Permission = (typeof permissions)[number];
export type Role = 'owner' | 'admin' | 'member';

const everything = new Set<Permission>(permissions);

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  owner: everything,
  admin: everything,
  member: new Set(),
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}

/** Owners hold the admin right too; it cannot be taken from them (transfer ownership first). */
export const isAdminRole = (role: Role): boolean => role === 'owner' || role === 'admin';
