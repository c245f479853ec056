// M3: a member holds the permissions chosen for them. Whoever chooses may hand out or take back only
// what they hold themselves, so a member with "manage users" cannot raise anyone above their own rights.
import type { Db } from '../../db/kysely.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import {
  type Grant,
  heldPermissions,
  isPermission,
  type Permission,
  parsePermissions,
} from '../../shared/permissions.ts';
import type { AuditService } from '../audit/index.ts';
import { memberPermissionErrors } from './member-permissions.errors.ts';
import { type AdminContext, view } from './members.ts';
import type { UsersService } from './users.service.ts';

/** Catalogue names only, each once, in catalogue order; an unknown name is a 400 that names it. */
export function catalogueOnly(requested: readonly string[], field = 'permissions'): Permission[] {
  const unknown = requested.find((name) => !isPermission(name));
  if (unknown !== undefined) {
    throw new AppError(memberPermissionErrors.PERMISSION_UNKNOWN, {
      params: { permission: unknown },
      details: [{ field, code: memberPermissionErrors.PERMISSION_UNKNOWN }],
    });
  }
  return heldPermissions({ role: 'member', permissions: requested as Permission[] });
}

/** What the grantor changes must be theirs to give: added and removed permissions alike. */
export function assertMayChange(grantor: Grant, before: readonly Permission[], after: readonly Permission[]) {
  const held = new Set(heldPermissions(grantor));
  const changed = [...after.filter((p) => !before.includes(p)), ...before.filter((p) => !after.includes(p))];
  const notHeld = changed.find((p) => !held.has(p));
  if (notHeld) {
    throw new AppError(memberPermissionErrors.PERMISSION_NOT_HELD, { params: { permission: notHeld } });
  }
}

export function createMemberPermissions({
  db,
  users,
  audit,
}: {
  db: Db;
  users: UsersService;
  audit: AuditService;
}) {
  const repository = users.repository;
  return {
    async setPermissions(context: AdminContext & { grant: Grant }, userId: string, requested: string[]) {
      const permissions = catalogueOnly(requested);
      return db.transaction().execute(async (transaction) => {
        const user = await repository.findMember(transaction, context.accountId, userId);
        if (!user) throw new AppError('NOT_FOUND');
        assertThat(user.role === 'member', memberPermissionErrors.ADMINS_HOLD_ALL_PERMISSIONS);
        const before = heldPermissions({ role: user.role, permissions: parsePermissions(user.permissions) });
        assertMayChange(context.grant, before, permissions);
        if (before.join() !== permissions.join()) {
          await repository.setPermissions(transaction, context.accountId, userId, permissions);
          await audit.record(transaction, {
            actor: context.actor,
            accountId: context.accountId,
            action: 'user.permissions_changed',
            target: { type: 'user', id: userId },
            details: {
              granted: permissions.filter((p) => !before.includes(p)),
              revoked: before.filter((p) => !permissions.includes(p)),
            },
          });
        }
        return view({ ...user, permissions: JSON.stringify(permissions) });
      });
    },
  };
}

export type MemberPermissions = ReturnType<typeof createMemberPermissions>;
