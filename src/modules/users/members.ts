// What creating, importing and changing users share: finding a user of the account, uniqueness, the
// credentials e-mail, a new member within the seat limit, the owner's notices, and the API view of a user.
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { NewUser, Role, User } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import { hours } from '../../shared/clock.ts';
import { formatName } from '../../shared/names.ts';
import { heldPermissions, isAdminRole, parsePermissions } from '../../shared/permissions.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { LinksService } from '../links/index.ts';
import type { MailService } from '../mail/index.ts';
import { fieldError, type Person } from './personal-data.ts';
import { userErrors } from './users.errors.ts';
import type { UsersService } from './users.service.ts';

export interface MembersDependencies {
  db: Db;
  config: Config;
  mail: MailService;
  links: LinksService;
  audit: AuditService;
  users: UsersService;
}

export interface AdminContext {
  accountId: string;
  actor: AuditActor & { id: string };
}

const credentialLinkValidity = hours(48);

export function view(
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
  > & { role: Role /** As stored: a JSON array; none for a user just created. */; permissions?: string },
) {
  const { id, userNumber, username, salutation, title, firstName, lastName, email, status, locale } = user;
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
    createdAt: user.createdAt,
    role: user.role,
    isAdmin: isAdminRole(user.role),
    permissions: heldPermissions({
      role: user.role,
      permissions: parsePermissions(user.permissions ?? '[]'),
    }),
  };
}

export function createMembers({ db, config, mail, links, audit, users }: MembersDependencies) {
  const repository = users.repository;
  const localeOf = (person: { locale: string | null }) => (person.locale ?? config.defaultLocale) as Locale;

  async function findUser(accountId: string, userId: string, executor: Db = db) {
    const user = await repository.findInAccount(accountId, userId, executor);
    if (!user) throw new AppError('NOT_FOUND');
    return user;
  }

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

  /**
   * U2: the credentials reach the user's own address, or the acting admin's when the user has none,
   * as a single-use link; the key itself is never e-mailed.
   */
  async function sendCredentials(
    executor: Db,
    accountId: string,
    user: NewUser,
    accessKey: string,
    adminId: string,
  ) {
    const reveal = await links.issueLink(executor, {
      purpose: 'credentials_reveal',
      userId: user.id,
      validForMs: credentialLinkValidity,
      secret: accessKey,
    });
    const admin = await repository.findById(adminId, executor);
    const recipient = user.email ? user : admin;
    if (!recipient?.email) return;
    const seats = await repository.seats(accountId, executor);
    const common = {
      companyName: seats.name,
      customerNumber: seats.customerNumber,
      userNumber: user.userNumber,
      username: user.username,
      revealUrl: reveal.url,
    };
    const locale = localeOf(recipient);
    const base = { to: recipient.email, greet: recipient, locale };
    if (user.email)
      await mail.enqueueEmail(executor, { ...base, template: 'userCredentials', params: common });
    else {
      await mail.enqueueEmail(executor, {
        ...base,
        template: 'userCredentialsForAdmin',
        params: { ...common, userName: formatName(user, locale) },
      });
    }
  }

  /**
   * The owner hears of every new admin and every admin user given to someone else, unless the owner did it:
   * an admin who is not the owner cannot quietly hand the account's rights around.
   */
  async function notifyOwner(
    executor: Db,
    context: AdminContext,
    notice:
      | { template: 'adminGranted'; user: NewUser }
      | { template: 'adminReassigned'; user: NewUser; from: NewUser },
  ) {
    const owner = await repository.findOwner(executor, context.accountId);
    if (!owner?.email || owner.id === context.actor.id) return;
    const actor = await repository.findById(context.actor.id, executor);
    const seats = await repository.seats(context.accountId, executor);
    const locale = localeOf(owner);
    const common = {
      actorName: actor ? formatName(actor, locale) : '',
      userNumber: notice.user.userNumber,
      companyName: seats.name,
      usersUrl: new URL('/account/users', config.publicUrl).href,
    };
    const base = { to: owner.email, greet: owner, locale };
    if (notice.template === 'adminGranted') {
      await mail.enqueueEmail(executor, {
        ...base,
        template: 'adminGranted',
        params: { ...common, userName: formatName(notice.user, locale) },
      });
    } else {
      await mail.enqueueEmail(executor, {
        ...base,
        template: 'adminReassigned',
        params: {
          ...common,
          fromName: formatName(notice.from, locale),
          toName: formatName(notice.user, locale),
        },
      });
    }
  }

  return {
    findUser,
    assertUnique,
    sendCredentials,
    notifyOwner,

    /**
     * A new member of the account: a seat, a user number, an access key behind a reveal link, an audit entry;
     * for a new admin, the owner's notice. With `activation` the user waits for their activation e-mail's
     * link instead (status pending_activation), and holds the seat meanwhile.
     */
    async addMember(
      transaction: Db,
      context: AdminContext,
      details: Person,
      options: { role?: Role; auditDetails?: Record<string, unknown>; activation?: boolean } = {},
    ) {
      if (!(await repository.reserveSeat(transaction, context.accountId))) {
        const seats = await repository.seats(context.accountId, transaction);
        throw new AppError(userErrors.SEAT_LIMIT_REACHED, {
          params: { used: seats.used, limit: seats.limit },
        });
      }
      const role = options.role ?? 'member';
      const created = await users.createUser(transaction, {
        accountId: context.accountId,
        role,
        ...details,
        passwordHash: null,
        status: options.activation ? 'pending_activation' : 'active',
      });
      const activation = options.activation ? await users.sendActivation(transaction, created.user.id) : null;
      if (!activation)
        await sendCredentials(
          transaction,
          context.accountId,
          created.user,
          created.accessKey,
          context.actor.id,
        );
      await audit.record(transaction, {
        actor: context.actor,
        accountId: context.accountId,
        action: 'user.created',
        target: { type: 'user', id: created.user.id },
        details: {
          userNumber: created.user.userNumber,
          username: created.user.username,
          ...(role === 'admin' ? { admin: true } : {}),
          ...(activation ? { activation: true } : {}),
          ...options.auditDetails,
        },
      });
      if (role === 'admin')
        await notifyOwner(transaction, context, { template: 'adminGranted', user: created.user });
      return { ...created, activation };
    },
  };
}

export type Members = ReturnType<typeof createMembers>;
