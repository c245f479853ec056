import type { Db } from '../../db/kysely.ts';
import type { Invitation } from '../../db/schema.ts';

export function createInvitationsRepository() {
  return {
    insert: (executor: Db, invitation: Invitation) =>
      executor.insertInto('invitations').values(invitation).execute(),

    findByTokenHash: (executor: Db, tokenHash: string) =>
      executor
        .selectFrom('invitations')
        .innerJoin('accounts', 'accounts.id', 'invitations.accountId')
        .leftJoin('users as inviter', 'inviter.id', 'invitations.invitedBy')
        .selectAll('invitations')
        .select([
          'accounts.name as accountName',
          'accounts.customerNumber',
          'accounts.status as accountStatus',
          'inviter.salutation as inviterSalutation',
          'inviter.title as inviterTitle',
          'inviter.firstName as inviterFirstName',
          'inviter.lastName as inviterLastName',
          'inviter.email as inviterEmail',
        ])
        .where('invitations.tokenHash', '=', tokenHash)
        .executeTakeFirst(),

    findInAccount: (executor: Db, accountId: string, id: string) =>
      executor
        .selectFrom('invitations')
        .selectAll()
        .where('accountId', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst(),

    /** Not accepted and not revoked (it may have expired). */
    findOpen: (executor: Db, accountId: string, email: string) =>
      executor
        .selectFrom('invitations')
        .selectAll()
        .where('accountId', '=', accountId)
        .where('email', '=', email)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .executeTakeFirst(),

    listForAccount: (accountId: string, executor: Db) =>
      executor
        .selectFrom('invitations')
        .leftJoin('users as inviter', 'inviter.id', 'invitations.invitedBy')
        .selectAll('invitations')
        .select(['inviter.firstName as inviterFirstName', 'inviter.lastName as inviterLastName'])
        .where('invitations.accountId', '=', accountId)
        .orderBy('invitations.createdAt', 'desc')
        .limit(200)
        .execute(),

    markOpened: (executor: Db, id: string, now: string) =>
      executor
        .updateTable('invitations')
        .set({ openedAt: now })
        .where('id', '=', id)
        .where('openedAt', 'is', null)
        .execute(),

    revoke: (executor: Db, id: string, now: string) =>
      executor
        .updateTable('invitations')
        .set({ revokedAt: now })
        .where('id', '=', id)
        .where('revokedAt', 'is', null)
        .execute(),

    /** Exactly one of concurrent acceptances changes the row (SECURITY.md 18). */
    async markAccepted(executor: Db, id: string, userId: string, now: string): Promise<boolean> {
      const result = await executor
        .updateTable('invitations')
        .set({ acceptedAt: now, acceptedBy: userId })
        .where('id', '=', id)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .where('expiresAt', '>', now)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    isMember: async (executor: Db, accountId: string, email: string) =>
      (await executor
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.userId')
        .select('users.id')
        .where('memberships.accountId', '=', accountId)
        .where('users.email', '=', email)
        .executeTakeFirst()) !== undefined,

    /** Members whose own account is another one, or who have none (personal identities): invited people. */
    listGuests: (executor: Db, accountId: string) =>
      executor
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.userId')
        .leftJoin('accounts as home', 'home.id', 'users.homeAccountId')
        .select([
          'users.id',
          'users.salutation',
          'users.title',
          'users.firstName',
          'users.lastName',
          'users.email',
          'home.name as homeAccountName',
          'memberships.permissions',
          'memberships.createdAt as joinedAt',
        ])
        .where('memberships.accountId', '=', accountId)
        .where((eb) =>
          eb.or([
            eb('users.homeAccountId', 'is', null),
            eb('users.homeAccountId', '!=', eb.ref('memberships.accountId')),
          ]),
        )
        .orderBy('users.lastName')
        .orderBy('users.firstName')
        .execute(),

    /** Removes an invited person's membership (never an own user's); true if there was one. */
    async removeGuest(executor: Db, accountId: string, userId: string): Promise<boolean> {
      const result = await executor
        .deleteFrom('memberships')
        .where('accountId', '=', accountId)
        .where('userId', '=', userId)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('users')
              .select('users.id')
              .where('users.id', '=', userId)
              .where((eb) =>
                eb.or([eb('users.homeAccountId', 'is', null), eb('users.homeAccountId', '!=', accountId)]),
              ),
          ),
        )
        .executeTakeFirst();
      return result.numDeletedRows === 1n;
    },

    insertMembership: (
      executor: Db,
      membership: {
        accountId: string;
        userId: string;
        permissions: string;
        notificationCategories: string;
        createdAt: string;
      },
    ) =>
      executor
        .insertInto('memberships')
        .values({ ...membership, role: 'member' })
        .execute(),
  };
}

export type InvitationsRepository = ReturnType<typeof createInvitationsRepository>;
