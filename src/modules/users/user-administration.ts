// U1–U6, A4: what admins do with their account's users. Every change is audited in its own transaction.
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { Role, User } from '../../db/schema.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import { type Clock, hours } from '../../shared/clock.ts';
import { isAdminRole } from '../../shared/permissions.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { LinksService } from '../links/index.ts';
import type { MailService } from '../mail/index.ts';
import type { SessionsService } from '../sessions/index.ts';
import { rotateAccessKey } from './credentials.ts';
import { userErrors } from './users.errors.ts';
import { normalizeEmail, type UsersService } from './users.service.ts';
import { type CsvColumn, formatCsv, parseCsv } from './users-csv.ts';

interface Dependencies {
  db: Db;
  clock: Clock;
  config: Config;
  mail: MailService;
  links: LinksService;
  audit: AuditService;
  users: UsersService;
  sessions: SessionsService;
}

export interface PersonalData {
  username: string;
  salutation?: string | null;
  title?: string | null;
  firstName: string;
  lastName: string;
  email?: string | null;
  locale?: Locale | null;
}

export interface AdminContext {
  accountId: string;
  actor: AuditActor & { id: string };
}

const credentialLinkValidity = hours(48);

export function createUserAdministration({
  db,
  clock,
  config,
  mail,
  links,
  audit,
  users,
  sessions,
}: Dependencies) {
  const repository = users.repository;

  const clean = (value: string | null | undefined) => value?.trim() || null;

  function personal(data: PersonalData) {
    return {
      username: data.username.trim(),
      salutation: clean(data.salutation),
      title: clean(data.title),
      firstName: data.firstName.trim(),
      lastName: data.lastName.trim(),
      email: data.email?.trim() ? normalizeEmail(data.email) : null,
      locale: data.locale ?? null,
    };
  }

  /** The checks the API schema makes on a person's data, for rows that arrive as CSV instead. */
  function rowProblems(data: ReturnType<typeof personal>) {
    const problems: { field: string; code: string; limit?: number }[] = [];
    const limits = { username: 100, firstName: 100, lastName: 100, salutation: 50, title: 50 } as const;
    for (const [field, max] of Object.entries(limits) as [keyof typeof limits, number][]) {
      const text = data[field] ?? '';
      if (field in { username: 1, firstName: 1, lastName: 1 } && text === '')
        problems.push({ field, code: 'required' });
      else if (text.length > max) problems.push({ field, code: 'maxLength', limit: max });
      else if ([...text].some((character) => character < ' ' || character === '\u007f')) {
        problems.push({ field, code: 'pattern' });
      }
    }
    if (data.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(data.email))
      problems.push({ field: 'email', code: 'email' });
    return problems;
  }

  const fieldError = (code: string, field: string) => new AppError(code, { details: [{ field, code }] });

  async function assertUnique(
    executor: Db,
    accountId: string,
    data: { username: string; email: string | null },
    userId = '',
  ) {
    if (await repository.usernameTaken(executor, accountId, data.username, userId)) {
      throw fieldError(userErrors.USERNAME_TAKEN, 'username');
    }
    if (data.email && (await repository.emailTaken(executor, data.email, userId))) {
      throw fieldError(userErrors.EMAIL_TAKEN, 'email');
    }
  }

  async function findUser(accountId: string, userId: string, executor: Db = db) {
    const user = await repository.findInAccount(accountId, userId, executor);
    if (!user) throw new AppError('NOT_FOUND');
    return user;
  }

  /**
   * U2: the credentials reach the user's own address, or the acting admin's when the user has none,
   * as a single-use link; the key itself is never e-mailed.
   */
  async function sendCredentials(executor: Db, user: User, accessKey: string, adminId: string) {
    const reveal = await links.issueLink(executor, {
      purpose: 'credentials_reveal',
      userId: user.id,
      validForMs: credentialLinkValidity,
      secret: accessKey,
    });
    const admin = await repository.findById(adminId, executor);
    const recipient = user.email ? user : admin;
    if (!recipient?.email) return;
    const seats = await repository.seats(user.homeAccountId, executor);
    await mail.enqueueEmail(executor, {
      to: recipient.email,
      locale: (recipient.locale ?? config.defaultLocale) as Locale,
      template: user.email ? 'userCredentials' : 'userCredentialsForAdmin',
      params: {
        name: recipient.firstName,
        userName: `${user.firstName} ${user.lastName}`,
        companyName: seats.name,
        customerNumber: seats.customerNumber,
        userNumber: user.userNumber,
        username: user.username,
        revealUrl: reveal.url,
      },
    });
  }

  /** A new member of the account: a seat, a user number, an access key behind a reveal link, an audit entry. */
  async function addMember(
    transaction: Db,
    context: AdminContext,
    details: ReturnType<typeof personal>,
    auditDetails: Record<string, unknown> = {},
  ) {
    if (!(await repository.reserveSeat(transaction, context.accountId))) {
      const seats = await repository.seats(context.accountId, transaction);
      throw new AppError(userErrors.SEAT_LIMIT_REACHED, { params: { used: seats.used, limit: seats.limit } });
    }
    const created = await users.createUser(transaction, {
      accountId: context.accountId,
      role: 'member',
      ...details,
      passwordHash: null,
      status: 'active',
    });
    await sendCredentials(transaction, created.user, created.accessKey, context.actor.id);
    await audit.record(transaction, {
      actor: context.actor,
      accountId: context.accountId,
      action: 'user.created',
      target: { type: 'user', id: created.user.id },
      details: { userNumber: created.user.userNumber, username: created.user.username, ...auditDetails },
    });
    return created;
  }

  function view(
    user: Pick<
      User,
      | 'id'
      | 'userNumber'
      | 'username'
      | 'salutation'
      | 'title'
      | 'firstName'
      | 'lastName'
      | 'email'
      | 'status'
      | 'locale'
      | 'createdAt'
    > & { role: Role },
  ) {
    const {
      id,
      userNumber,
      username,
      salutation,
      title,
      firstName,
      lastName,
      email,
      status,
      locale,
      createdAt,
      role,
    } = user;
    return {
      id,
      userNumber,
      username,
      salutation,
      title,
      firstName,
      lastName,
      email,
      status,
      locale,
      createdAt,
      role,
      isAdmin: isAdminRole(role),
    };
  }

  return {
    /** U1: admins see everyone; others see only themselves. */
    async listUsers(options: {
      accountId: string;
      viewer: { userId: string; seesAll: boolean };
      search?: string;
      page: number;
      pageSize: number;
    }) {
      const { items, total } = await repository.listInAccount({
        accountId: options.accountId,
        search: options.search,
        onlyUserId: options.viewer.seesAll ? undefined : options.viewer.userId,
        limit: options.pageSize,
        offset: (options.page - 1) * options.pageSize,
      });
      const seats = await repository.seats(options.accountId);
      return {
        items: items.map(view),
        total,
        page: options.page,
        pageSize: options.pageSize,
        seats: { used: seats.used, limit: seats.limit },
      };
    },

    async getUser(accountId: string, userId: string) {
      return view(await findUser(accountId, userId));
    },

    /** U2, A4: one seat, a user number and an access key shown to the admin once. */
    async createUser(context: AdminContext, data: PersonalData) {
      const details = personal(data);
      return db.transaction().execute(async (transaction) => {
        await assertUnique(transaction, context.accountId, details);
        const { user, accessKey } = await addMember(transaction, context, details);
        const seats = await repository.seats(context.accountId, transaction);
        return {
          user: view({ ...user, role: 'member' }),
          credentials: {
            customerNumber: seats.customerNumber,
            userNumber: user.userNumber,
            username: user.username,
            accessKey,
          },
        };
      });
    },

    async updateUser(context: AdminContext, userId: string, data: Partial<PersonalData>) {
      return db.transaction().execute(async (transaction) => {
        const user = await findUser(context.accountId, userId, transaction);
        const merged = personal({ ...user, locale: user.locale as Locale | null, ...data });
        if (isAdminRole(user.role) && !merged.email)
          throw fieldError(userErrors.ADMIN_EMAIL_REQUIRED, 'email');
        await assertUnique(transaction, context.accountId, merged, userId);
        await repository.update(transaction, userId, { ...merged, updatedAt: clock.now().toISOString() });
        // People choosing their own language is no change to audit; an admin changing anything is.
        const fields = Object.keys(data).sort();
        const ownLanguageOnly = userId === context.actor.id && fields.every((field) => field === 'locale');
        if (!ownLanguageOnly) {
          await audit.record(transaction, {
            actor: context.actor,
            accountId: context.accountId,
            action: 'user.updated',
            target: { type: 'user', id: userId },
            details: { fields },
          });
        }
        return view({ ...user, ...merged });
      });
    },

    /** U5: the owner and the last admin stay. */
    async deleteUser(context: AdminContext, userId: string) {
      await db.transaction().execute(async (transaction) => {
        await repository.lockAccount(transaction, context.accountId);
        const user = await findUser(context.accountId, userId, transaction);
        assertThat(user.role !== 'owner', userErrors.CANNOT_DELETE_OWNER);
        assertThat(userId !== context.actor.id, userErrors.NOT_ON_YOURSELF);
        await repository.delete(transaction, userId);
        await repository.releaseSeat(transaction, context.accountId);
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'user.deleted',
          target: { type: 'user', id: userId },
          details: { userNumber: user.userNumber, username: user.username },
        });
      });
    },

    /** U6: a new person takes over the user: same user number, new personal data, every secret rotated. */
    async reassignUser(context: AdminContext, userId: string, data: PersonalData) {
      const details = personal(data);
      assertThat(userId !== context.actor.id, userErrors.NOT_ON_YOURSELF);
      return db.transaction().execute(async (transaction) => {
        const user = await findUser(context.accountId, userId, transaction);
        if (isAdminRole(user.role) && !details.email)
          throw fieldError(userErrors.ADMIN_EMAIL_REQUIRED, 'email');
        await assertUnique(transaction, context.accountId, details, userId);
        const now = clock.now().toISOString();
        await repository.update(transaction, userId, {
          ...details,
          passwordHash: null,
          emailConfirmedAt: null,
          failedSignIns: 0,
          lockedUntil: null,
          updatedAt: now,
        });
        await sessions.endUserSessions(userId, {}, transaction);
        for (const purpose of ['password_reset', 'email_change', 'credentials_reveal'] as const) {
          await links.revokeLinks(transaction, userId, purpose);
        }
        const accessKey = await rotateAccessKey(repository, transaction, userId, now);
        const updated = { ...user, ...details };
        await sendCredentials(transaction, updated, accessKey, context.actor.id);
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'user.reassigned',
          target: { type: 'user', id: userId },
          details: { userNumber: user.userNumber, from: user.username, to: details.username },
        });
        const seats = await repository.seats(context.accountId, transaction);
        return {
          user: view(updated),
          credentials: {
            customerNumber: seats.customerNumber,
            userNumber: user.userNumber,
            username: details.username,
            accessKey,
          },
        };
      });
    },

    /** U5: the admin right needs an e-mail address; the last admin keeps it; the owner always has it. */
    async setAdminRight(context: AdminContext, userId: string, grant: boolean) {
      return db.transaction().execute(async (transaction) => {
        await repository.lockAccount(transaction, context.accountId);
        const user = await findUser(context.accountId, userId, transaction);
        assertThat(user.role !== 'owner', userErrors.OWNER_KEEPS_ADMIN_RIGHT);
        if (grant) {
          if (!user.email) throw fieldError(userErrors.ADMIN_EMAIL_REQUIRED, 'email');
        } else if (user.role === 'admin') {
          assertThat(
            (await repository.countAdmins(transaction, context.accountId)) > 1,
            userErrors.LAST_ADMIN,
          );
        }
        const role: Role = grant ? 'admin' : 'member';
        if (role !== user.role) {
          await repository.setRole(transaction, context.accountId, userId, role);
          await audit.record(transaction, {
            actor: context.actor,
            accountId: context.accountId,
            action: grant ? 'user.admin_granted' : 'user.admin_revoked',
            target: { type: 'user', id: userId },
          });
        }
        return view({ ...user, role });
      });
    },

    /** U8: every user of the account as CSV. */
    async exportUsers(accountId: string): Promise<string> {
      const { items } = await repository.listInAccount({ accountId, limit: 1_000_000, offset: 0 });
      return formatCsv(items);
    },

    /**
     * U8: new users from CSV. Without `confirm` nothing changes and every row comes back with its problems;
     * with it, all rows are created in one transaction, or none when any row has a problem.
     */
    async importUsers(context: AdminContext, options: { csv: string; confirm: boolean }) {
      const [header = [], ...lines] = parseCsv(options.csv);
      const columnOf = (name: CsvColumn) => header.findIndex((title) => title.trim() === name);
      const missingColumns = (['username', 'firstName', 'lastName'] as const).filter(
        (name) => columnOf(name) < 0,
      );
      if (missingColumns.length > 0) {
        throw new AppError(userErrors.IMPORT_COLUMNS_MISSING, {
          params: { columns: missingColumns.join(', ') },
          details: missingColumns.map((field) => ({ field, code: 'required' })),
        });
      }
      const value = (cells: string[], name: CsvColumn) =>
        columnOf(name) < 0 ? '' : (cells[columnOf(name)] ?? '').trim();

      return db.transaction().execute(async (transaction) => {
        const seats = await repository.seats(context.accountId, transaction);
        const { items: existing } = await repository.listInAccount(
          { accountId: context.accountId, limit: 1_000_000, offset: 0 },
          transaction,
        );
        const existingNumbers = new Set(existing.map((user) => user.userNumber));
        const seenUsernames = new Set<string>();
        const seenEmails = new Set<string>();
        let newUsers = 0;
        const rows = [];
        for (const [index, cells] of lines.entries()) {
          const data = personal({
            username: value(cells, 'username'),
            salutation: value(cells, 'salutation'),
            title: value(cells, 'title'),
            firstName: value(cells, 'firstName'),
            lastName: value(cells, 'lastName'),
            email: value(cells, 'email'),
          });
          const line = index + 2;
          if (existingNumbers.has(value(cells, 'userNumber'))) {
            rows.push({ line, ...data, status: 'exists' as const, errors: [] });
            continue;
          }
          const errors = rowProblems(data);
          if (
            data.username &&
            (seenUsernames.has(data.username) ||
              (await repository.usernameTaken(transaction, context.accountId, data.username)))
          ) {
            errors.push({ field: 'username', code: userErrors.USERNAME_TAKEN });
          }
          if (
            data.email &&
            (seenEmails.has(data.email) || (await repository.emailTaken(transaction, data.email)))
          ) {
            errors.push({ field: 'email', code: userErrors.EMAIL_TAKEN });
          }
          seenUsernames.add(data.username);
          if (data.email) seenEmails.add(data.email);
          if (errors.length === 0) {
            newUsers += 1;
            if (seats.used + newUsers > seats.limit)
              errors.push({ field: 'username', code: userErrors.SEAT_LIMIT_REACHED });
          }
          rows.push({
            line,
            ...data,
            status: errors.length ? ('invalid' as const) : ('new' as const),
            errors,
          });
        }
        const preview = { rows, seats: { used: seats.used, limit: seats.limit }, created: 0 };
        if (!options.confirm) return preview;
        if (rows.some((row) => row.status === 'invalid')) throw new AppError(userErrors.IMPORT_HAS_ERRORS);
        for (const row of rows.filter((candidate) => candidate.status === 'new')) {
          const { line: _line, status: _status, errors: _errors, ...details } = row;
          await addMember(transaction, context, details, { imported: true });
          preview.created += 1;
        }
        return preview;
      });
    },

    /** A new access key, shown once; the old one stops working at once. */
    async rotateUserAccessKey(context: AdminContext, userId: string) {
      return db.transaction().execute(async (transaction) => {
        const user = await findUser(context.accountId, userId, transaction);
        const accessKey = await rotateAccessKey(repository, transaction, userId, clock.now().toISOString());
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'user.access_key_rotated',
          target: { type: 'user', id: userId },
        });
        const seats = await repository.seats(context.accountId, transaction);
        return {
          customerNumber: seats.customerNumber,
          userNumber: user.userNumber,
          username: user.username,
          accessKey,
        };
      });
    },
  };
}

export type UserAdministration = ReturnType<typeof createUserAdministration>;
