import type { Db } from '../../db/kysely.ts';
import type { SupportSessionsTable } from '../../db/schema.ts';
import type { LogEntry } from './remote-support.protocol.ts';

export type SessionRow = SupportSessionsTable;
/** Who hosts: an operator, or a user in the account the session acts in. */
export type Host = { operatorId: string } | { userId: string; accountId: string };

export function createRemoteSupportRepository(db: Db) {
  return {
    insert: (row: SessionRow) => db.insertInto('supportSessions').values(row).execute(),

    /** Whether a number is taken by any stored session (numbers are never reused while the log exists). */
    numberTaken: async (number: string) =>
      Boolean(
        await db.selectFrom('supportSessions').select('id').where('number', '=', number).executeTakeFirst(),
      ),

    byId: (id: string) =>
      db.selectFrom('supportSessions').selectAll().where('id', '=', id).executeTakeFirst(),

    byNumber: (number: string) =>
      db.selectFrom('supportSessions').selectAll().where('number', '=', number).executeTakeFirst(),

    /** The host's sessions, newest first. */
    listOf: (host: Host, limit: number) => {
      const query = db.selectFrom('supportSessions').selectAll().orderBy('createdAt', 'desc').limit(limit);
      return 'operatorId' in host
        ? query.where('hostOperatorId', '=', host.operatorId).execute()
        : query.where('hostUserId', '=', host.userId).where('accountId', '=', host.accountId).execute();
    },

    /** Moves a session on only from the state it is expected in; false when another request was first. */
    async transition(id: string, from: SessionRow['state'], changes: Partial<SessionRow>) {
      const result = await db
        .updateTable('supportSessions')
        .set(changes)
        .where('id', '=', id)
        .where('state', '=', from)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    setMode: (id: string, mode: SessionRow['mode']) =>
      db.updateTable('supportSessions').set({ mode }).where('id', '=', id).execute(),

    appendEvent: (sessionId: string, entry: LogEntry) =>
      db
        .insertInto('supportSessionEvents')
        .values({
          sessionId,
          at: entry.at,
          actor: entry.actor,
          kind: entry.kind,
          details: JSON.stringify(entry.details),
        })
        .execute(),

    async eventsOf(sessionId: string): Promise<LogEntry[]> {
      const rows = await db
        .selectFrom('supportSessionEvents')
        .select(['at', 'actor', 'kind', 'details'])
        .where('sessionId', '=', sessionId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        ...row,
        kind: row.kind as LogEntry['kind'],
        details: JSON.parse(row.details),
      }));
    },

    userName: (userId: string) =>
      db
        .selectFrom('users')
        .select(['salutation', 'title', 'firstName', 'lastName'])
        .where('id', '=', userId)
        .executeTakeFirst(),
  };
}

export type RemoteSupportRepository = ReturnType<typeof createRemoteSupportRepository>;
