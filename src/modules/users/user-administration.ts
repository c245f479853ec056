// U1–U6, A4: what admins do with their account's users. Every change is audited in its own transaction.
// Only the owner changes the owner's user: nobody else edits, reassigns, deletes or demotes it, so an
// admin cannot take the account over (ownership moves only by a transfer).
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { Role, User, UserChangeKind } from '../../db/schema.ts';
import { assertThat } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import type { PersonName } from '../../shared/names.ts';
import { isAdminRole } from '../../shared/permissions.ts';
import type { AuditService } from '../audit/index.ts';
import type { LinksService } from '../links/index.ts';
import type { MailService } from '../mail/index.ts';
import type { SessionsService } from '../sessions/index.ts';
import { rotateAccessKey } from './credentials.ts';
import { type AdminContext, createMembers, view } from './members.ts';
import { fieldError, type PersonalData, personal } from './personal-data.ts';
import { confirmCurrentPassword } from './reauthentication.ts';
import { userErrors } from './users.errors.ts';
import type { UsersService } from './users.service.ts';
import { createUsersTransfer } from './users-transfer.ts';

export type { AdminContext } from './members.ts';

/** What a caller adds to a change, committed with it or not at all (acting for a customer: check, notice). */
export type AlsoInTransaction = (transaction: Db, user: PersonName & { userNumber: string }) => Promise<void>;
export type { PersonalData } from './personal-data.ts';

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

export function createUserAdministration(dependencies: Dependencies) {
  const { db, clock, links, audit, users, sessions } = dependencies;
  const repository = users.repository;
  const members = createMembers(dependencies);
  const { findUser, assertUnique } = members;

  /** The owner's user is the owner's own business. */
  const assertNotSomeoneElsesOwner = (context: AdminContext, user: { id: string; role: Role }) =>
    assertThat(user.role !== 'owner' || user.id === context.actor.id, userErrors.OWNER_ONLY);

  /** P3: the desktop program hears of it at its next sync; last in the transaction (see recordChange). */
  const recordChange = (
    executor: Db,
    accountId: string,
    user: Pick<User, 'id' | 'userNumber'>,
    kind: UserChangeKind,
  ) =>
    repository.recordChange(executor, {
      accountId,
      userId: user.id,
      userNumber: user.userNumber,
      kind,
      at: clock.now().toISOString(),
    });

  async function credentialsOf(
    accountId: string,
    user: Pick<User, 'userNumber' | 'username'>,
    accessKey: string,
    executor: Db,
  ) {
    const seats = await repository.seats(accountId, executor);
    return {
      customerNumber: seats.customerNumber,
      userNumber: user.userNumber,
      username: user.username,
      accessKey,
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
      const [{ items, total }, seats] = await Promise.all([
        repository.listInAccount({
          accountId: options.accountId,
          search: options.search,
          onlyUserId: options.viewer.seesAll ? undefined : options.viewer.userId,
          limit: options.pageSize,
          offset: (options.page - 1) * options.pageSize,
        }),
        repository.seats(options.accountId),
      ]);
      return {
        items: items.map(view),
        total: total ?? seats.used,
        page: options.page,
        pageSize: options.pageSize,
        seats: { used: seats.used, limit: seats.limit },
      };
    },

    async getUser(accountId: string, userId: string) {
      return view(await findUser(accountId, userId));
    },

    /**
     * U2, A4: one seat, a user number and an access key shown to the admin once; or (S4, `sendActivation`)
     * the user activates themselves through an e-mailed link, and nothing is shown.
     */
    async createUser(
      context: AdminContext,
      data: PersonalData,
      options: { sendActivation?: boolean; alsoInTransaction?: AlsoInTransaction } = {},
    ) {
      const details = personal(data);
      if (options.sendActivation && !details.email)
        throw fieldError(userErrors.ACTIVATION_EMAIL_REQUIRED, 'email');
      return db.transaction().execute(async (transaction) => {
        await assertUnique(transaction, context.accountId, details);
        const { user, accessKey, activation } = await members.addMember(transaction, context, details, {
          activation: options.sendActivation,
        });
        const created = view({ ...user, role: 'member' });
        await options.alsoInTransaction?.(transaction, user);
        if (activation) return { user: created, activation };
        return {
          user: created,
          credentials: await credentialsOf(context.accountId, user, accessKey, transaction),
        };
      });
    },

    async updateUser(
      context: AdminContext,
      userId: string,
      data: Partial<PersonalData>,
      alsoInTransaction?: AlsoInTransaction,
    ) {
      return db.transaction().execute(async (transaction) => {
        const user = await findUser(context.accountId, userId, transaction);
        assertNotSomeoneElsesOwner(context, user);
        const merged = personal({ ...user, locale: user.locale as Locale | null, ...data });
        if (isAdminRole(user.role) && !merged.email)
          throw fieldError(userErrors.ADMIN_EMAIL_REQUIRED, 'email');
        await assertUnique(transaction, context.accountId, merged, userId);
        // People choosing their own language is no change to audit; an admin changing anything is. The
        // event is written first, so it names the user as they were.
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
        await repository.update(transaction, userId, { ...merged, updatedAt: clock.now().toISOString() });
        // An activation link is bound to the address it went to: a new address needs a new link.
        if (merged.email !== user.email) await links.revokeLinks(transaction, userId, 'activation');
        await recordChange(transaction, context.accountId, user, 'changed');
        await alsoInTransaction?.(transaction, user);
        return view({ ...user, ...merged });
      });
    },

    /** U5: the owner and the last admin stay. */
    async deleteUser(context: AdminContext, userId: string, alsoInTransaction?: AlsoInTransaction) {
      await db.transaction().execute(async (transaction) => {
        await repository.lockAccount(transaction, context.accountId);
        const user = await findUser(context.accountId, userId, transaction);
        assertThat(user.role !== 'owner', userErrors.CANNOT_DELETE_OWNER);
        assertThat(userId !== context.actor.id, userErrors.NOT_ON_YOURSELF);
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'user.deleted',
          target: { type: 'user', id: userId },
          details: { userNumber: user.userNumber, username: user.username },
        });
        await repository.delete(transaction, userId);
        await repository.releaseSeat(transaction, context.accountId);
        await recordChange(transaction, context.accountId, user, 'deleted');
        await alsoInTransaction?.(transaction, user);
      });
    },

    /**
     * U6: a new person takes over the user: same user number, new personal data, every secret rotated. The
     * admin right stays with the person who had it, not with the user: it is granted anew if needed.
     */
    async reassignUser(context: AdminContext, userId: string, data: PersonalData) {
      const details = personal(data);
      return db.transaction().execute(async (transaction) => {
        const user = await findUser(context.accountId, userId, transaction);
        assertThat(user.role !== 'owner', userErrors.OWNER_NOT_REASSIGNABLE);
        assertThat(userId !== context.actor.id, userErrors.NOT_ON_YOURSELF);
        await assertUnique(transaction, context.accountId, details, userId);
        const wasAdmin = user.role === 'admin';
        // Written first, so the event names the person who had the user.
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'user.reassigned',
          target: { type: 'user', id: userId },
          details: {
            userNumber: user.userNumber,
            from: user.username,
            to: details.username,
            ...(wasAdmin ? { adminRightRemoved: true } : {}),
          },
        });
        const now = clock.now().toISOString();
        // The new person gets the credentials e-mail; an activation meant for the old one is withdrawn.
        await repository.update(transaction, userId, {
          ...details,
          passwordHash: null,
          emailConfirmedAt: null,
          status: 'active',
          updatedAt: now,
        });
        await repository.clearIdentification(transaction, userId);
        if (wasAdmin) await repository.setRole(transaction, context.accountId, userId, 'member');
        await sessions.endUserSessions(userId, {}, transaction);
        for (const purpose of ['password_reset', 'email_change', 'activation'] as const) {
          await links.revokeLinks(transaction, userId, purpose);
        }
        const accessKey = await rotateAccessKey({ repository, links }, transaction, userId, now);
        const updated = { ...user, ...details, status: 'active' as const, role: 'member' as const };
        await members.sendCredentials(transaction, context.accountId, updated, accessKey, context.actor.id);
        if (wasAdmin) {
          await members.notifyOwner(transaction, context, {
            template: 'adminReassigned',
            user: updated,
            from: user,
          });
        }
        await recordChange(transaction, context.accountId, user, 'reassigned');
        return {
          user: view(updated),
          credentials: await credentialsOf(context.accountId, user, accessKey, transaction),
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
          if (grant) await members.notifyOwner(transaction, context, { template: 'adminGranted', user });
          await recordChange(transaction, context.accountId, user, 'changed');
        }
        return view({ ...user, role });
      });
    },

    /**
     * A new access key, shown once, after the admin's password (SECURITY.md 15); the old key and every link
     * that would show it stop working at once.
     */
    async rotateUserAccessKey(context: AdminContext, userId: string, currentPassword: string) {
      await confirmCurrentPassword(users, context.actor.id, currentPassword);
      return db.transaction().execute(async (transaction) => {
        const user = await findUser(context.accountId, userId, transaction);
        assertNotSomeoneElsesOwner(context, user);
        const now = clock.now().toISOString();
        const accessKey = await rotateAccessKey({ repository, links }, transaction, userId, now);
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'user.access_key_rotated',
          target: { type: 'user', id: userId },
        });
        return credentialsOf(context.accountId, user, accessKey, transaction);
      });
    },

    ...createUsersTransfer({ db, users, members }),
  };
}

export type UserAdministration = ReturnType<typeof createUserAdministration>;
