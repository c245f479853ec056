import type { Db } from '../../db/kysely.ts';
import type { Session } from '../../db/schema.ts';

export function createSessionsRepository(db: Db) {
  return {
    insert: (session: Session) => db.insertInto('sessions').values(session).execute(),

    findValidOperatorSession: (tokenHash: string, now: string) =>
      db
        .selectFrom('sessions')
        .innerJoin('operators', 'operators.id', 'sessions.operatorId')
        .select([
          'sessions.id as sessionId',
          'sessions.lastSeenAt',
          'sessions.absoluteExpiresAt',
          'operators.id as operatorId',
          'operators.name',
          'operators.email',
          'operators.locale',
        ])
        .where('sessions.tokenHash', '=', tokenHash)
        .where('sessions.idleExpiresAt', '>', now)
        .where('sessions.absoluteExpiresAt', '>', now)
        .executeTakeFirst(),

    touch: (sessionId: string, lastSeenAt: string, idleExpiresAt: string) =>
      db.updateTable('sessions').set({ lastSeenAt, idleExpiresAt }).where('id', '=', sessionId).execute(),

    deleteByTokenHash: (tokenHash: string) =>
      db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute(),
  };
}
