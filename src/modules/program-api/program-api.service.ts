// P1–P3, P6: what the desktop program asks of Kontor with a user's program credentials.
import type { Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { heldPermissions, isAdminRole, parsePermissions } from '../../shared/permissions.ts';
import type { AuditService } from '../audit/index.ts';
import type { LinksService } from '../links/index.ts';
import type { SessionsService } from '../sessions/index.ts';
import type { TwoFactorService } from '../two-factor/index.ts';
import { rotateAccessKey, type UsersService } from '../users/index.ts';
import { programErrors } from './program-api.errors.ts';
import { createProgramRepository } from './program-api.repository.ts';
import type { ProgramCaller } from './program-auth.ts';

export const changesPageSize = 500;
export const portalLinkValidityMs = 60_000;

/** Cursors are opaque to the program: base64url of the last change id it has read. */
export const encodeCursor = (id: number) => Buffer.from(`c${id}`).toString('base64url');
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^c(0|[1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || encodeCursor(Number(match[1])) !== cursor)
    throw new AppError(programErrors.PROGRAM_CURSOR_INVALID);
  return Number(match[1]);
}

interface Dependencies {
  db: Db;
  clock: Clock;
  audit: AuditService;
  links: LinksService;
  users: UsersService;
  sessions: SessionsService;
  twoFactor: TwoFactorService;
}

const actorOf = (caller: ProgramCaller, ipAddress: string) => ({
  type: 'user' as const,
  id: caller.userId,
  ipAddress,
});

export function createProgramService({ db, clock, audit, links, users, sessions, twoFactor }: Dependencies) {
  const repository = createProgramRepository(db);
  const assertAdmin = (caller: ProgramCaller) =>
    assertThat(isAdminRole(caller.role), programErrors.PROGRAM_ADMIN_REQUIRED);

  return {
    repository,

    /** P1; `services` only for a user with "services.use", named in `locale` (the caller's language). */
    me: (caller: ProgramCaller, locale: Locale) => ({
      userNumber: caller.userNumber,
      username: caller.username,
      title: caller.title,
      firstName: caller.firstName,
      lastName: caller.lastName,
      email: caller.email,
      isAdmin: isAdminRole(caller.role),
      account: { customerNumber: caller.customerNumber, companyName: caller.companyName },
      permissions: heldPermissions(caller),
      services: heldPermissions(caller).includes('services.use')
        ? caller.services.map((service) => ({
            code: service.code,
            name: service.names[locale],
            names: service.names,
            unit: service.unit,
            netCents: service.netCents,
            vatRateBp: service.vatRateBp,
          }))
        : [],
    }),

    /** P2: the account's own users for the program's dropdown; an admin's key only. */
    async listUsers(caller: ProgramCaller) {
      assertAdmin(caller);
      const rows = await repository.listUsers(caller.accountId);
      return {
        items: rows.map((row) => ({
          userNumber: row.userNumber,
          username: row.username,
          title: row.title,
          firstName: row.firstName,
          lastName: row.lastName,
          email: row.email,
          disabled: row.status === 'disabled',
          isAdmin: isAdminRole(row.role),
        })),
      };
    },

    /** P2: a fresh key for one of the account's users, shown once; the user's older key dies with it. */
    async issueAccessKey(caller: ProgramCaller, userNumber: string, ipAddress: string) {
      assertAdmin(caller);
      return db.transaction().execute(async (transaction) => {
        const user = await repository.findUserByNumber(transaction, caller.accountId, userNumber);
        if (!user) throw new AppError('NOT_FOUND');
        const now = clock.now().toISOString();
        const accessKey = await rotateAccessKey(
          { repository: users.repository, links },
          transaction,
          user.id,
          now,
        );
        await audit.record(transaction, {
          actor: actorOf(caller, ipAddress),
          accountId: caller.accountId,
          action: 'program.access_key_issued',
          target: { type: 'user', id: user.id },
          details: { userNumber: user.userNumber },
        });
        return {
          customerNumber: caller.customerNumber,
          userNumber: user.userNumber,
          username: user.username,
          accessKey,
        };
      });
    },

    /** P3: what happened to the account's users after the cursor, oldest first. */
    async changes(caller: ProgramCaller, since: string | undefined) {
      assertAdmin(caller);
      const afterId = decodeCursor(since);
      const rows = await repository.changesSince(caller.accountId, afterId, changesPageSize + 1);
      const page = rows.slice(0, changesPageSize);
      const last = page.at(-1);
      return {
        items: page.map((row) => ({
          kind: row.kind,
          userNumber: row.userNumber,
          at: row.at,
          // As the user is now; null once deleted (a later change in the log says so too).
          user:
            row.userId && row.username !== null && row.firstName !== null && row.lastName !== null
              ? {
                  username: row.username,
                  title: row.title,
                  firstName: row.firstName,
                  lastName: row.lastName,
                  email: row.email,
                  disabled: row.status === 'disabled',
                  isAdmin: row.role ? isAdminRole(row.role) : false,
                }
              : null,
        })),
        next: last ? encodeCursor(Number(last.id)) : encodeCursor(afterId),
        more: rows.length > changesPageSize,
      };
    },

    /** P6: a single-use link, 60 seconds, that opens the online account signed in as the caller. */
    async issuePortalLink(caller: ProgramCaller, ipAddress: string) {
      assertThat(
        isAdminRole(caller.role) || caller.permissions.includes('users.manage'),
        programErrors.PROGRAM_USERS_MANAGE_REQUIRED,
      );
      assertThat(
        !(await twoFactor.secondStep({ userId: caller.userId })),
        programErrors.PROGRAM_PORTAL_SECOND_FACTOR,
      );
      return db.transaction().execute(async (transaction) => {
        const link = await links.issueLink(transaction, {
          purpose: 'portal_link',
          userId: caller.userId,
          validForMs: portalLinkValidityMs,
        });
        await audit.record(transaction, {
          actor: actorOf(caller, ipAddress),
          accountId: caller.accountId,
          action: 'program.portal_link_issued',
          target: { type: 'user', id: caller.userId },
        });
        return link;
      });
    },

    /**
     * Opens a portal link once, in the browser: the user's session in their own account, if they may still
     * manage users there. A second use, an expired link or another browser afterwards are refused.
     */
    async openPortalLink(token: string, browser: { ipAddress: string; userAgent: string }) {
      // Read before the transaction: the second-factor state is read outside it (one SQLite connection).
      const owner = await links.checkLink(token, 'portal_link');
      assertThat(!(await twoFactor.secondStep(owner)), programErrors.PROGRAM_PORTAL_SECOND_FACTOR);
      return db.transaction().execute(async (transaction) => {
        const { userId } = await links.consumeLink(transaction, token, 'portal_link');
        const user = await users.repository.findById(userId, transaction);
        const accountId = user?.homeAccountId ?? '';
        const home = await users.repository.findMember(transaction, accountId, userId);
        assertThat(home && home.status !== 'disabled', programErrors.PROGRAM_USER_DISABLED);
        assertThat(
          (await repository.accountStatus(transaction, accountId)) === 'active',
          programErrors.PROGRAM_ACCOUNT_SUSPENDED,
        );
        assertThat(
          isAdminRole(home.role) || parsePermissions(home.permissions).includes('users.manage'),
          programErrors.PROGRAM_USERS_MANAGE_REQUIRED,
        );
        const session = await sessions.startSession(
          { principal: { userId, activeAccountId: accountId }, staySignedIn: false, ...browser },
          transaction,
        );
        await audit.record(transaction, {
          actor: { type: 'user', id: userId, ipAddress: browser.ipAddress },
          accountId,
          action: 'program.portal_link_used',
          target: { type: 'user', id: userId },
        });
        return { session, userId, accountId };
      });
    },
  };
}

export type ProgramService = ReturnType<typeof createProgramService>;
