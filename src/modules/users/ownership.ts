// U5: an account has exactly one owner. Ownership moves only when the owner hands it, with their password,
// to one of the account's admins; the old owner stays an admin.
import type { Db } from '../../db/kysely.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import type { AuditService } from '../audit/index.ts';
import type { AdminContext } from './members.ts';
import { ownershipErrors } from './ownership.errors.ts';
import { confirmCurrentPassword } from './reauthentication.ts';
import type { UsersService } from './users.service.ts';

export function createOwnership({ db, users, audit }: { db: Db; users: UsersService; audit: AuditService }) {
  const repository = users.repository;
  return {
    async transferOwnership(context: AdminContext, toUserId: string, currentPassword: string) {
      await confirmCurrentPassword(users, context.actor.id, currentPassword);
      await db.transaction().execute(async (transaction) => {
        await repository.lockAccount(transaction, context.accountId);
        const owner = await repository.findMember(transaction, context.accountId, context.actor.id);
        assertThat(owner?.role === 'owner', ownershipErrors.ONLY_OWNER_TRANSFERS);
        const next = await repository.findMember(transaction, context.accountId, toUserId);
        if (!next) throw new AppError('NOT_FOUND');
        assertThat(next.role === 'admin', ownershipErrors.NEW_OWNER_MUST_BE_ADMIN);
        await repository.setRole(transaction, context.accountId, toUserId, 'owner');
        await repository.setRole(transaction, context.accountId, context.actor.id, 'admin');
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'account.ownership_transferred',
          target: { type: 'user', id: toUserId },
        });
      });
    },
  };
}

export type Ownership = ReturnType<typeof createOwnership>;
