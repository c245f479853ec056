import { countRows, type Db } from '../../db/kysely.ts';
import type { OutboxEmail } from '../../db/schema.ts';

export function createMailRepository(db: Db) {
  return {
    insert: (executor: Db, email: Omit<OutboxEmail, 'attempts'>) =>
      executor.insertInto('outboxEmails').values(email).execute(),

    findDueIds: (now: string, limit: number) =>
      db
        .selectFrom('outboxEmails')
        .select('id')
        .where('status', '=', 'pending')
        .where('nextAttemptAt', '<=', now)
        .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', now)]))
        .orderBy('nextAttemptAt')
        .limit(limit)
        .execute(),

    /** Conditional update: of several workers, exactly one wins each row. */
    async claim(id: string, now: string, lockedUntil: string): Promise<OutboxEmail | undefined> {
      const result = await db
        .updateTable('outboxEmails')
        .set({ lockedUntil })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', now)]))
        .executeTakeFirst();
      if (result.numUpdatedRows !== 1n) return undefined;
      return db.selectFrom('outboxEmails').selectAll().where('id', '=', id).executeTakeFirst();
    },

    markSent: (id: string, sentAt: string, attempts: number) =>
      db
        .updateTable('outboxEmails')
        .set({ status: 'sent', sentAt, attempts, lockedUntil: null, lastError: null })
        .where('id', '=', id)
        .execute(),

    markFailedAttempt: (
      id: string,
      update: { attempts: number; nextAttemptAt: string; lastError: string; givenUp: boolean },
    ) =>
      db
        .updateTable('outboxEmails')
        .set({
          status: update.givenUp ? 'failed' : 'pending',
          attempts: update.attempts,
          nextAttemptAt: update.nextAttemptAt,
          lastError: update.lastError,
          lockedUntil: null,
        })
        .where('id', '=', id)
        .execute(),

    list: (offset: number, limit: number) =>
      db
        .selectFrom('outboxEmails')
        .select(['id', 'toAddress', 'subject', 'status', 'createdAt', 'sentAt', 'attempts', 'lastError'])
        .orderBy('createdAt', 'desc')
        .orderBy('id')
        .offset(offset)
        .limit(limit)
        .execute(),

    count: () => countRows(db, 'outboxEmails'),

    findById: (id: string) =>
      db.selectFrom('outboxEmails').selectAll().where('id', '=', id).executeTakeFirst(),
  };
}

export type MailRepository = ReturnType<typeof createMailRepository>;
