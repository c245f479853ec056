import type { Db } from '../../db/kysely.ts';
import { prepareQuery } from '../../db/prepared.ts';
import type { NewSession } from '../../db/schema.ts';

interface Lookup extends Record<string, unknown> {
  tokenHash: string;
  now: string;
}

export function createSessionsRepository(db: Db) {
  const validSessions = ({ tokenHash, now }: Lookup) =>
    db
      .selectFrom('sessions')
      .where('sessions.tokenHash', '=', tokenHash)
      .where('sessions.idleExpiresAt', '>', now)
      .where('sessions.absoluteExpiresAt', '>', now);

  // Every signed-in request runs one of these two.
  const validOperatorSession = prepareQuery(db, (lookup: Lookup) =>
    validSessions(lookup)
      .innerJoin('operators', 'operators.id', 'sessions.operatorId')
      .select([
        'sessions.id as sessionId',
        'sessions.lastSeenAt',
        'sessions.absoluteExpiresAt',
        'sessions.staySignedIn',
        'operators.id as operatorId',
        'operators.name',
        'operators.email',
        'operators.locale',
        'operators.roles',
      ])
      // A disabled operator is out at once, whatever sessions are left.
      .where('operators.status', '=', 'active'),
  );
  const validUserSession = prepareQuery(db, (lookup: Lookup) =>
    validSessions(lookup)
      .innerJoin('users', 'users.id', 'sessions.userId')
      .innerJoin('memberships', (join) =>
        join
          .onRef('memberships.userId', '=', 'sessions.userId')
          .onRef('memberships.accountId', '=', 'sessions.activeAccountId'),
      )
      .innerJoin('accounts', 'accounts.id', 'memberships.accountId')
      .select([
        'sessions.id as sessionId',
        'sessions.lastSeenAt',
        'sessions.absoluteExpiresAt',
        'sessions.staySignedIn',
        'users.id as userId',
        'users.locale as userLocale',
        'accounts.id as accountId',
        'accounts.locale as accountLocale',
        'memberships.role',
        'memberships.permissions',
      ])
      .where('users.status', '=', 'active')
      .where('accounts.status', '=', 'active'),
  );

  return {
    insert: (session: NewSession, executor: Db = db) =>
      executor.insertInto('sessions').values(session).execute(),

    findValidOperatorSession: (tokenHash: string, now: string) =>
      validOperatorSession.takeFirst({ tokenHash, now }),

    findValidUserSession: (tokenHash: string, now: string) => validUserSession.takeFirst({ tokenHash, now }),

    findById: (executor: Db, sessionId: string) =>
      executor.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst(),

    deleteById: (executor: Db, sessionId: string) =>
      executor.deleteFrom('sessions').where('id', '=', sessionId).execute(),

    touch: (sessionId: string, lastSeenAt: string, idleExpiresAt: string) =>
      db.updateTable('sessions').set({ lastSeenAt, idleExpiresAt }).where('id', '=', sessionId).execute(),

    deleteByTokenHash: (tokenHash: string) =>
      db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute(),

    listForUser: (userId: string, now: string) =>
      db
        .selectFrom('sessions')
        .select(['id', 'createdAt', 'lastSeenAt', 'ipAddress', 'userAgent', 'staySignedIn'])
        .where('userId', '=', userId)
        .where('idleExpiresAt', '>', now)
        .where('absoluteExpiresAt', '>', now)
        .orderBy('lastSeenAt', 'desc')
        .execute(),

    deleteForOperator: (executor: Db, operatorId: string) =>
      executor.deleteFrom('sessions').where('operatorId', '=', operatorId).execute(),

    async deleteForUser(executor: Db, userId: string, options: { only?: string; except?: string } = {}) {
      let query = executor.deleteFrom('sessions').where('userId', '=', userId);
      if (options.only) query = query.where('id', '=', options.only);
      if (options.except) query = query.where('id', '!=', options.except);
      return Number((await query.executeTakeFirst()).numDeletedRows);
    },
  };
}
