// U7: who changed what, in which account, when and from where. Written in the transaction of the change,
// with the names of actor and target as they were then: a later reassignment or deletion rewrites nothing.
import type { Db } from '../../db/kysely.ts';
import type { AuditEventsTable } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { formatName, type PersonName } from '../../shared/names.ts';
import { parseOperatorRoles } from '../../shared/operator-roles.ts';
import { newId } from '../../shared/tokens.ts';
import { type AuditFilter, createAuditRepository } from './audit.repository.ts';

export interface AuditActor {
  type: AuditEventsTable['actorType'];
  id: string | null;
  ipAddress: string | null;
}

/** Kontor itself: a scheduled job, a webhook, an e-mail received. */
export const systemActor: AuditActor = { type: 'system', id: null, ipAddress: null };

/** For entries written before the kind was kept. */
const defaultKind = { user: 'customer_user', operator: 'operator', system: 'system' } as const;

function pick<Row extends object, Key extends keyof Row>(row: Row | undefined, keys: Key[]) {
  return row && (Object.fromEntries(keys.map((key) => [key, row[key]])) as Pick<Row, Key>);
}

/** A person's name parts, or the single name of an operator or account. */
type StoredName = PersonName | { name: string };

export function createAuditService({ db, clock }: { db: Db; clock: Clock }) {
  const repository = createAuditRepository(db);

  async function nameOf(executor: Db, type: string, id: string | null): Promise<StoredName | undefined> {
    if (!id) return undefined;
    if (type === 'user')
      return pick(await repository.personName(executor, id), ['title', 'firstName', 'lastName']);
    if (type === 'operator') return pick(await repository.operatorName(executor, id), ['name']);
    if (type === 'account') return repository.accountName(executor, id);
    return undefined;
  }

  const stored = (name: StoredName | undefined) => (name ? JSON.stringify(name) : null);

  /**
   * The actor as it was then, read once: the name, and (issue 16, item 4) the kind: the account's own user
   * or a person invited from another account (whose own account is elsewhere), or an operator and the
   * roles they held.
   */
  async function actorColumns(executor: Db, actor: AuditActor, accountId: string | null) {
    if (actor.type === 'operator' && actor.id) {
      const operator = await repository.operatorName(executor, actor.id);
      const actorName = stored(operator && { name: operator.name });
      return { actorName, actorKind: 'operator' as const, actorRoles: operator?.roles ?? null };
    }
    if (actor.type === 'user' && actor.id) {
      const person = await repository.personName(executor, actor.id);
      const invited = accountId !== null && person !== undefined && person.homeAccountId !== accountId;
      return {
        actorName: stored(pick(person, ['title', 'firstName', 'lastName'])),
        actorKind: invited ? ('invited_user' as const) : ('customer_user' as const),
        actorRoles: null,
      };
    }
    return { actorName: null, actorKind: 'system' as const, actorRoles: null };
  }

  function shown(json: string | null, locale: string): string | null {
    if (!json) return null;
    const name = JSON.parse(json) as StoredName;
    return 'name' in name ? name.name : formatName(name, locale);
  }

  return {
    async record(
      executor: Db,
      event: {
        actor: AuditActor;
        accountId: string | null;
        action: string;
        /** `name` for targets the log cannot look up by type (contacts, domain contacts): as it is now. */
        target?: { type: string; id: string; name?: StoredName };
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
        ...(await actorColumns(executor, event.actor, event.accountId)),
        targetName: stored(
          event.target && (event.target.name ?? (await nameOf(executor, event.target.type, event.target.id))),
        ),
      });
    },

    /** Names are written as the reader's language writes them ("Kovács Péter" in Hungarian). */
    /** The zone an account's days are counted in. */
    timeZoneOf: (accountId: string) => repository.accountTimeZone(accountId),

    async listEvents(filter: AuditFilter, page: number, pageSize: number, locale: string) {
      const fetched = await repository.list(filter, pageSize + 1, (page - 1) * pageSize);
      const rows = fetched.slice(0, pageSize);
      return {
        page,
        pageSize,
        hasMore: fetched.length > pageSize,
        items: rows.map((row) => ({
          id: row.id,
          createdAt: row.createdAt,
          accountId: row.accountId,
          account:
            row.accountId && row.customerNumber
              ? { id: row.accountId, name: row.accountName ?? '', customerNumber: row.customerNumber }
              : null,
          action: row.action,
          actor: {
            type: row.actorType,
            id: row.actorId,
            name: shown(row.actorName, locale),
            kind: row.actorKind ?? defaultKind[row.actorType],
            roles: row.actorRoles ? parseOperatorRoles(row.actorRoles) : [],
          },
          target: row.targetId
            ? { type: row.targetType ?? '', id: row.targetId, name: shown(row.targetName, locale) }
            : null,
          details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
          ipAddress: row.ipAddress,
        })),
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
