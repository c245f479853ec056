// R1, R2, R6: a session's number and life in the database, and its log. What happens while both sides
// are connected is the hub's (remote-support.hub.ts); every line of the log is written here, as it happens.
import { randomInt } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError } from '../../shared/app-error.ts';
import { addMilliseconds, type Clock, minutes } from '../../shared/clock.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { formatName } from '../../shared/names.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { remoteSupportErrors } from './remote-support.errors.ts';
import type { LogEntry, LogKind, SessionView, Side, SupportMode } from './remote-support.protocol.ts';
import { createRemoteSupportRepository, type Host, type SessionRow } from './remote-support.repository.ts';

export type { Host, SessionRow };

/** A number is good for 10 minutes until a client is admitted with it (SECURITY.md table). */
export const numberLifetime = minutes(10);

export function createRemoteSupportService({
  db,
  clock,
  config,
  audit,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  audit: AuditService;
}) {
  const repository = createRemoteSupportRepository(db);
  const now = () => clock.now();

  const isExpired = (row: SessionRow) => row.state === 'open' && new Date(row.expiresAt) <= now();

  const viewOf = (row: SessionRow): SessionView => ({
    id: row.id,
    number: row.number,
    mode: row.mode,
    state: isExpired(row) ? 'expired' : row.state,
    hostName: row.hostName,
    clientName: row.clientName,
    expiresAt: row.expiresAt,
  });

  const linkOf = (row: SessionRow) => new URL(`/support?number=${row.number}`, config.publicUrl).href;

  const isHostOf = (host: Host, row: SessionRow) =>
    'operatorId' in host
      ? row.hostOperatorId === host.operatorId
      : row.hostUserId === host.userId && row.accountId === host.accountId;

  async function hostName(host: Host, operatorName: string | null, locale: string) {
    if ('operatorId' in host) return operatorName ?? '';
    const user = await repository.userName(host.userId);
    return user ? formatName(user, locale) : '';
  }

  /** Six digits, never one a stored session has: a taken number is drawn again. */
  async function insertWithFreshNumber(row: Omit<SessionRow, 'number'>): Promise<SessionRow> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const number = String(randomInt(100_000, 1_000_000));
      if (await repository.numberTaken(number)) continue;
      try {
        await repository.insert({ ...row, number });
        return { ...row, number };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw new Error('no free remote-support number after 20 draws');
  }

  async function record(sessionId: string, actor: LogEntry['actor'], kind: LogKind, details = {}) {
    const entry: LogEntry = { at: now().toISOString(), actor, kind, details };
    await repository.appendEvent(sessionId, entry);
    return entry;
  }

  const auditActorOf = (row: SessionRow, ipAddress: string | null): AuditActor =>
    row.hostOperatorId
      ? { type: 'operator', id: row.hostOperatorId, ipAddress }
      : row.hostUserId
        ? { type: 'user', id: row.hostUserId, ipAddress }
        : { type: 'system', id: null, ipAddress };

  return {
    viewOf,
    record,

    async start(options: {
      host: Host;
      operatorName: string | null;
      mode: SupportMode;
      locale: string;
      actor: AuditActor;
    }) {
      const createdAt = now();
      const row = await insertWithFreshNumber({
        id: newId(),
        mode: options.mode,
        state: 'open',
        hostOperatorId: 'operatorId' in options.host ? options.host.operatorId : null,
        hostUserId: 'userId' in options.host ? options.host.userId : null,
        accountId: 'accountId' in options.host ? options.host.accountId : null,
        hostName: await hostName(options.host, options.operatorName, options.locale),
        clientName: null,
        clientAddress: null,
        createdAt: createdAt.toISOString(),
        expiresAt: addMilliseconds(createdAt, numberLifetime).toISOString(),
        admittedAt: null,
        endedAt: null,
        endReason: null,
      });
      await record(row.id, 'host', 'session.started', { number: row.number, mode: row.mode });
      await audit.record(db, {
        actor: options.actor,
        accountId: row.accountId,
        action: 'remote_support.started',
        details: { number: row.number, mode: row.mode },
      });
      return { ...viewOf(row), link: linkOf(row) };
    },

    async list(host: Host) {
      return { items: (await repository.listOf(host, 50)).map(viewOf) };
    },

    /** The host's own session (another host's id answers 404). */
    async hostedSession(host: Host, sessionId: string): Promise<SessionRow> {
      const row = await repository.byId(sessionId);
      if (!row || !isHostOf(host, row)) throw new AppError('NOT_FOUND');
      return row;
    },

    /** The host's session while it can still be joined or run; its socket cannot reopen an ended one. */
    async liveSession(host: Host, sessionId: string): Promise<SessionRow> {
      const row = await this.hostedSession(host, sessionId);
      if (row.state === 'ended' || row.state === 'expired' || isExpired(row)) {
        throw new AppError(remoteSupportErrors.REMOTE_SUPPORT_SESSION_CLOSED);
      }
      return row;
    },

    async logOf(host: Host, sessionId: string) {
      const row = await this.hostedSession(host, sessionId);
      return { session: viewOf(row), log: await repository.eventsOf(row.id) };
    },

    /** The session a number opens, or null: unknown, used and expired numbers are all the same. */
    async joinable(number: string): Promise<SessionRow | null> {
      const row = await repository.byNumber(number.replace(/\s/g, ''));
      return row && row.state === 'open' && !isExpired(row) ? row : null;
    },

    /** The number is used from here on: the session is the admitted client's. */
    async admit(row: SessionRow, client: { name: string; address: string }) {
      const admitted = await repository.transition(row.id, 'open', {
        state: 'active',
        clientName: client.name,
        clientAddress: client.address,
        admittedAt: now().toISOString(),
      });
      if (!admitted) return null;
      return { ...row, state: 'active' as const, clientName: client.name, clientAddress: client.address };
    },

    /** Ends the session once; the log's last line and the host's audit log say why. */
    async end(row: SessionRow, by: Side | 'server', reason: string): Promise<LogEntry[] | null> {
      const state = reason === 'expired' ? 'expired' : 'ended';
      const ended = await repository.transition(row.id, row.state, {
        state,
        endedAt: now().toISOString(),
        endReason: reason,
      });
      if (!ended) return null;
      await record(row.id, by, 'session.ended', { reason });
      const log = await repository.eventsOf(row.id);
      await audit.record(db, {
        actor: auditActorOf(row, null),
        accountId: row.accountId,
        action: 'remote_support.ended',
        details: {
          number: row.number,
          mode: row.mode,
          client: row.clientName,
          reason,
          entries: log.length,
        },
      });
      return log;
    },

    switchMode: (row: SessionRow, mode: SupportMode) => repository.setMode(row.id, mode),
  };
}

export type RemoteSupportService = ReturnType<typeof createRemoteSupportService>;
