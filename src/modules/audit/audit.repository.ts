import type { Db } from '../../db/kysely.ts';
import type { AuditEventsTable } from '../../db/schema.ts';

export function createAuditRepository(db: Db) {
  return {
    insert: (executor: Db, event: AuditEventsTable) =>
      executor.insertInto('auditEvents').values(event).execute(),

    list: (
      filter: { accountId?: string; actorId?: string; action?: string; from?: string; to?: string },
      limit: number,
      offset: number,
    ) => {
      let query = db.selectFrom('auditEvents').selectAll();
      if (filter.accountId) query = query.where('accountId', '=', filter.accountId);
      if (filter.actorId) query = query.where('actorId', '=', filter.actorId);
      if (filter.action) query = query.where('action', '=', filter.action);
      if (filter.from) query = query.where('createdAt', '>=', filter.from);
      if (filter.to) query = query.where('createdAt', '<', filter.to);
      return query.orderBy('createdAt', 'desc').orderBy('id').limit(limit).offset(offset).execute();
    },
  };
}
