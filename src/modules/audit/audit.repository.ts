import type { Db } from '../../db/kysely.ts';
import type { AuditEventsTable } from '../../db/schema.ts';

export interface AuditFilter {
  accountId?: string;
  /** Events by or about this user. */
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export function createAuditRepository(db: Db) {
  return {
    insert: (executor: Db, event: AuditEventsTable) =>
      executor.insertInto('auditEvents').values(event).execute(),

    /** The names an event keeps of whoever it names, read inside the change's own transaction. */
    personName: (executor: Db, userId: string) =>
      executor
        .selectFrom('users')
        .select(['title', 'firstName', 'lastName', 'homeAccountId'])
        .where('id', '=', userId)
        .executeTakeFirst(),
    operatorName: (executor: Db, operatorId: string) =>
      executor
        .selectFrom('operators')
        .select(['name', 'roles'])
        .where('id', '=', operatorId)
        .executeTakeFirst(),
    accountName: (executor: Db, accountId: string) =>
      executor.selectFrom('accounts').select('name').where('id', '=', accountId).executeTakeFirst(),

    accountTimeZone: async (accountId: string) =>
      (await db.selectFrom('accounts').select('timezone').where('id', '=', accountId).executeTakeFirst())
        ?.timezone,

    list: (filter: AuditFilter, limit: number, offset: number) => {
      // The account as it is now: its customer number never changes, and operators look it up by its name.
      let query = db
        .selectFrom('auditEvents')
        .leftJoin('accounts', 'accounts.id', 'auditEvents.accountId')
        .selectAll('auditEvents')
        .select(['accounts.name as accountName', 'accounts.customerNumber']);
      if (filter.accountId) query = query.where('auditEvents.accountId', '=', filter.accountId);
      const { userId } = filter;
      if (userId) {
        query = query.where((eb) =>
          eb.or([eb('auditEvents.actorId', '=', userId), eb('auditEvents.targetId', '=', userId)]),
        );
      }
      if (filter.action) query = query.where('auditEvents.action', '=', filter.action);
      if (filter.from) query = query.where('auditEvents.createdAt', '>=', filter.from);
      if (filter.to) query = query.where('auditEvents.createdAt', '<', filter.to);
      return query
        .orderBy('auditEvents.createdAt', 'desc')
        .orderBy('auditEvents.id')
        .limit(limit)
        .offset(offset)
        .execute();
    },
  };
}
