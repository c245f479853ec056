// M2: a person who belongs to several accounts acts in one at a time and switches with one click.
import type { Db } from '../../db/kysely.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { SessionsService } from '../sessions/index.ts';
import type { UsersService } from '../users/index.ts';

export function createAccountSwitch({
  db,
  users,
  sessions,
  audit,
}: {
  db: Db;
  users: UsersService;
  sessions: SessionsService;
  audit: AuditService;
}) {
  return {
    /** Another account of the person's, active; any other id answers 404 (nothing about it is confirmed). */
    async switchAccount(options: {
      sessionId: string;
      userId: string;
      fromAccountId: string;
      toAccountId: string;
      actor: AuditActor;
    }) {
      const memberships = await users.repository.memberships(options.userId);
      const target = memberships.find((membership) => membership.accountId === options.toAccountId);
      if (target?.status !== 'active') throw new AppError('NOT_FOUND');
      return db.transaction().execute(async (transaction) => {
        const session = await sessions.moveSession(transaction, options.sessionId, target.accountId);
        if (!session) throw new AppError('UNAUTHENTICATED');
        for (const accountId of new Set([options.fromAccountId, target.accountId])) {
          await audit.record(transaction, {
            actor: options.actor,
            accountId,
            action: 'session.account_switched',
            target: { type: 'account', id: target.accountId },
            details: { from: options.fromAccountId, to: target.accountId },
          });
        }
        return session;
      });
    },
  };
}

export type AccountSwitch = ReturnType<typeof createAccountSwitch>;
