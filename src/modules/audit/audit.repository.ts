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

    list: (filter: AuditFilter, limit: number, offset: number) => {
      let query = db
        .selectFrom('auditEvents')
        .leftJoin('users as actor', 'actor.id', 'auditEvents.actorId')
        .leftJoin('operators', 'operators.id', 'auditEvents.actorId')
        .leftJoin('users as target', 'target.id', 'auditEvents.targetId')
        .selectAll('auditEvents')
        .select([
          'actor.firstName as actorFirstName',
          'actor.lastName as actorLastName',
          'operators.name as operatorName',
          'target.firstName as targetFirstName',
          'target.lastName as targetLastName',
        ]);
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
