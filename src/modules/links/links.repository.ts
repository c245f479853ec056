import type { Db } from '../../db/kysely.ts';
import type { ActionTokenPurpose } from '../../db/schema.ts';

// Every query runs on the executor it is given: links are always issued and used inside a transaction.
export function createLinksRepository() {
  return {
    insert: (
      executor: Db,
      link: {
        id: string;
        purpose: ActionTokenPurpose;
        tokenHash: string;
        userId: string;
        newEmail: string | null;
        sealedSecret: string | null;
        expiresAt: string;
        createdAt: string;
      },
    ) =>
      executor
        .insertInto('actionTokens')
        .values({ ...link, operatorId: null, usedAt: null })
        .execute(),

    find: (executor: Db, tokenHash: string, purpose: ActionTokenPurpose) =>
      executor
        .selectFrom('actionTokens')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .executeTakeFirst(),

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

    /** Issuing a new link of a kind revokes the older unused ones (a re-sent link replaces the old one). */
    revokeUnused: (executor: Db, userId: string, purpose: ActionTokenPurpose, usedAt: string) =>
      executor
        .updateTable('actionTokens')
        .set({ usedAt, sealedSecret: null })
        .where('userId', '=', userId)
        .where('purpose', '=', purpose)
        .where('usedAt', 'is', null)
        .execute(),
  };
}
