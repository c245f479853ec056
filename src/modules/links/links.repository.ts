import type { Db } from '../../db/kysely.ts';
import type { ActionTokenPurpose } from '../../db/schema.ts';

/** Whose link it is: a customer account's user, or an operator. */
export type LinkOwner = { userId: string } | { operatorId: string };

const ownerColumns = (owner: LinkOwner) =>
  'userId' in owner
    ? { userId: owner.userId, operatorId: null }
    : { userId: null, operatorId: owner.operatorId };

// Every query runs on the executor it is given: links are always issued and used inside a transaction.
export function createLinksRepository() {
  return {
    insert: (
      executor: Db,
      link: {
        id: string;
        purpose: ActionTokenPurpose;
        tokenHash: string;
        owner: LinkOwner;
        newEmail: string | null;
        sealedSecret: string | null;
        expiresAt: string;
        createdAt: string;
      },
    ) => {
      const { owner, ...columns } = link;
      return executor
        .insertInto('actionTokens')
        .values({ ...columns, ...ownerColumns(owner), usedAt: null })
        .execute();
    },

    find: (executor: Db, tokenHash: string, purpose: ActionTokenPurpose) =>
      executor
        .selectFrom('actionTokens')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .executeTakeFirst(),

    /** When the owner's newest link of a kind was issued, if any. */
    newestIssuedAt: async (executor: Db, owner: LinkOwner, purpose: ActionTokenPurpose) => {
      const column = 'userId' in owner ? 'userId' : 'operatorId';
      const id = 'userId' in owner ? owner.userId : owner.operatorId;
      const newest = await executor
        .selectFrom('actionTokens')
        .select((eb) => eb.fn.max('createdAt').as('createdAt'))
        .where(column, '=', id)
        .where('purpose', '=', purpose)
        .executeTakeFirst();
      return newest?.createdAt ?? null;
    },

    /** True for exactly one caller, however many race for the same link; the sealed secret goes with it. */
    async markUsed(executor: Db, id: string, usedAt: string): Promise<boolean> {
      const result = await executor
        .updateTable('actionTokens')
        .set({ usedAt, sealedSecret: null })
        .where('id', '=', id)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    markOpened: (executor: Db, id: string, openedAt: string) =>
      executor
        .updateTable('actionTokens')
        .set({ openedAt })
        .where('id', '=', id)
        .where('openedAt', 'is', null)
        .execute(),

    /**
     * Issuing a new link of a kind revokes the older unused ones (a re-sent link replaces the old one); a
     * revoked link counts as used, and revokedAt tells it from one that was accepted.
     */
    revokeUnused: (executor: Db, owner: LinkOwner, purpose: ActionTokenPurpose, usedAt: string) => {
      const query = executor
        .updateTable('actionTokens')
        .set({ usedAt, revokedAt: usedAt, sealedSecret: null })
        .where('purpose', '=', purpose)
        .where('usedAt', 'is', null);
      return (
        'userId' in owner
          ? query.where('userId', '=', owner.userId)
          : query.where('operatorId', '=', owner.operatorId)
      ).execute();
    },
  };
}
