// U7: who changed what, in which account, when and from where. Written in the transaction of the change.
import type { Db } from '../../db/kysely.ts';
import type { AuditEventsTable } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/tokens.ts';
import { type AuditFilter, createAuditRepository } from './audit.repository.ts';

export interface AuditActor {
  type: AuditEventsTable['actorType'];
  id: string | null;
  ipAddress: string | null;
}

export function createAuditService({ db, clock }: { db: Db; clock: Clock }) {
  const repository = createAuditRepository(db);
  return {
    async record(
      executor: Db,
      event: {
        actor: AuditActor;
        accountId: string | null;
        action: string;
        target?: { type: string; id: string };
        details?: Record<string, unknown>;
      },
    ): Promise<void> {
      await repository.insert(executor, {
        id: newId(),
        accountId: event.accountId,
        actorType: event.actor.type,
        actorId: event.actor.id,
        action: event.action,
        targetType: event.target?.type ?? null,
        targetId: event.target?.id ?? null,
        details: event.details ? JSON.stringify(event.details) : null,
        ipAddress: event.actor.ipAddress,
        createdAt: clock.now().toISOString(),
      });
    },
    async listEvents(filter: AuditFilter, page: number, pageSize: number) {
      const fetched = await repository.list(filter, pageSize + 1, (page - 1) * pageSize);
      const rows = fetched.slice(0, pageSize);
      const name = (first: string | null, last: string | null) =>
        first !== null ? `${first} ${last ?? ''}`.trim() : null;
      return {
        page,
        pageSize,
        hasMore: fetched.length > pageSize,
        items: rows.map((row) => ({
          id: row.id,
          createdAt: row.createdAt,
          accountId: row.accountId,
          action: row.action,
          actor: {
            type: row.actorType,
            id: row.actorId,
            name: row.operatorName ?? name(row.actorFirstName, row.actorLastName),
          },
          target: row.targetId
            ? {
                type: row.targetType ?? '',
                id: row.targetId,
                name: name(row.targetFirstName, row.targetLastName),
              }
            : null,
          details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
          ipAddress: row.ipAddress,
        })),
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
