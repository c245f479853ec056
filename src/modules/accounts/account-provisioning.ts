// A3: the provider's staff create accounts for orders, with seat limit, billing data and a main user who
// gets an activation link (S4); they suspend and reactivate accounts.
import type { Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { AccountStatus, NewAccount } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Salutation } from '../../shared/names.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { LinksService } from '../links/index.ts';
import type { MailService } from '../mail/index.ts';
import { normalizeEmail, type UsersService, userErrors } from '../users/index.ts';
import { accountErrors } from './accounts.errors.ts';
import { createAccountsRepository } from './accounts.repository.ts';
import { unusedCustomerNumber } from './customer-numbers.ts';
import { createMainUserLinks, resendSpacing } from './main-user-links.ts';

export interface Billing {
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  country?: string | null;
  vatId?: string | null;
}

export interface AccountOrder {
  name: string;
  seatLimit: number;
  locale: Locale;
  timezone: string;
  billing?: Billing;
  mainUser: {
    salutation?: Salutation | null;
    title?: string;
    firstName: string;
    lastName: string;
    username?: string;
    email: string;
  };
}

export function createAccountProvisioning(deps: {
  db: Db;
  clock: Clock;
  mail: MailService;
  links: LinksService;
  audit: AuditService;
  users: UsersService;
}) {
  const { db, clock, mail, links, audit, users } = deps;
  const repository = createAccountsRepository(db);
  const mainUserLinks = createMainUserLinks({ links, mail, users });

  const billingColumns = (billing: Billing = {}) => ({
    billingStreet: billing.street?.trim() || null,
    billingPostalCode: billing.postalCode?.trim() || null,
    billingCity: billing.city?.trim() || null,
    billingCountry: billing.country?.trim() || null,
    vatId: billing.vatId?.trim() || null,
  });

  type AccountWithOwner = NewAccount & {
    ownerTitle?: string | null;
    ownerFirstName?: string | null;
    ownerLastName?: string | null;
    ownerEmail?: string | null;
    ownerEmailConfirmedAt?: string | null;
    ownerHasPassword?: boolean | number | null;
  };

  /** Until the main user has activated (registered: set a password and confirmed the address) a link can be sent again. */
  const pendingActivation = (account: AccountWithOwner) =>
    !account.ownerHasPassword ||
    (account.status === 'pending_confirmation' && !account.ownerEmailConfirmedAt);

  function view(account: AccountWithOwner) {
    return {
      id: account.id,
      customerNumber: account.customerNumber,
      name: account.name,
      status: account.status,
      seatLimit: account.seatLimit,
      seatsUsed: account.seatsUsed,
      locale: account.locale,
      timezone: account.timezone,
      billing: {
        street: account.billingStreet,
        postalCode: account.billingPostalCode,
        city: account.billingCity,
        country: account.billingCountry,
        vatId: account.vatId,
      },
      owner:
        account.ownerEmail !== undefined
          ? {
              title: account.ownerTitle ?? null,
              firstName: account.ownerFirstName ?? '',
              lastName: account.ownerLastName ?? '',
              email: account.ownerEmail,
              pendingActivation: pendingActivation(account),
            }
          : null,
      createdAt: account.createdAt,
    };
  }

  async function findAccount(accountId: string, executor: Db = db) {
    const account = await repository.findWithOwner(accountId, executor);
    if (!account) throw new AppError('NOT_FOUND');
    return account;
  }

  return {
    async searchAccounts(options: {
      search?: string;
      status?: AccountStatus;
      page: number;
      pageSize: number;
    }) {
      const { items, total } = await repository.search({
        search: options.search,
        status: options.status,
        limit: options.pageSize,
        offset: (options.page - 1) * options.pageSize,
      });
      return { items: items.map(view), total, page: options.page, pageSize: options.pageSize };
    },

    async getAccount(accountId: string) {
      return view(await findAccount(accountId));
    },

    async provisionAccount(order: AccountOrder, actor: AuditActor) {
      const email = normalizeEmail(order.mainUser.email);
      return db.transaction().execute(async (transaction) => {
        if (await users.repository.emailTaken(transaction, email)) {
          throw new AppError(userErrors.EMAIL_TAKEN, {
            details: [{ field: 'mainUser.email', code: userErrors.EMAIL_TAKEN }],
          });
        }
        const now = clock.now().toISOString();
        const account: NewAccount = {
          id: newId(),
          customerNumber: await unusedCustomerNumber(repository, transaction),
          name: order.name.trim(),
          status: 'active',
          seatLimit: order.seatLimit,
          seatsUsed: 1,
          locale: order.locale,
          timezone: order.timezone,
          ...billingColumns(order.billing),
          createdAt: now,
          updatedAt: now,
        };
        await repository.insert(transaction, account);
        const { user } = await users.createUser(transaction, {
          accountId: account.id,
          role: 'owner',
          username:
            order.mainUser.username?.trim() ||
            `${order.mainUser.firstName} ${order.mainUser.lastName}`.trim(),
          salutation: order.mainUser.salutation ?? null,
          title: order.mainUser.title?.trim() || null,
          firstName: order.mainUser.firstName.trim(),
          lastName: order.mainUser.lastName.trim(),
          email,
          passwordHash: null,
          status: 'pending_activation',
          locale: order.locale,
        });
        await mainUserLinks.sendActivation(transaction, user);
        await audit.record(transaction, {
          actor,
          accountId: account.id,
          action: 'account.provisioned',
          target: { type: 'account', id: account.id },
          details: {
            customerNumber: account.customerNumber,
            seatLimit: account.seatLimit,
            mainUser: user.userNumber,
          },
        });
        return view({
          ...account,
          ownerTitle: user.title,
          ownerFirstName: user.firstName,
          ownerLastName: user.lastName,
          ownerEmail: email,
          ownerHasPassword: false,
        });
      });
    },

    async updateAccount(
      accountId: string,
      changes: { name?: string; seatLimit?: number; locale?: Locale; timezone?: string; billing?: Billing },
      actor: AuditActor,
    ) {
      return db.transaction().execute(async (transaction) => {
        const current = await findAccount(accountId, transaction);
        if (changes.seatLimit !== undefined && changes.seatLimit < current.seatsUsed) {
          throw new AppError(userErrors.SEAT_LIMIT_BELOW_USED, {
            params: { used: current.seatsUsed },
            details: [{ field: 'seatLimit', code: userErrors.SEAT_LIMIT_BELOW_USED }],
          });
        }
        const { billing, ...rest } = changes;
        await repository.update(transaction, accountId, {
          ...rest,
          ...(rest.name ? { name: rest.name.trim() } : {}),
          ...(billing ? billingColumns(billing) : {}),
          updatedAt: clock.now().toISOString(),
        });
        await audit.record(transaction, {
          actor,
          accountId,
          action: 'account.updated',
          target: { type: 'account', id: accountId },
          details: {
            fields: Object.keys(changes).sort(),
            ...(changes.seatLimit ? { seatLimit: changes.seatLimit } : {}),
          },
        });
        return view(await findAccount(accountId, transaction));
      });
    },

    /**
     * A main user who has not yet come in gets their link again: the registration's welcome while the
     * address is unconfirmed, otherwise the provisioned account's activation link (the old one is revoked).
     */
    async resendMainUserLink(accountId: string, actor: AuditActor) {
      return db.transaction().execute(async (transaction) => {
        const account = await findAccount(accountId, transaction);
        const owner = await users.repository.findOwner(transaction, accountId);
        if (!owner?.email || !pendingActivation(account)) throw new AppError(accountErrors.MAIN_USER_ACTIVE);
        const registered = account.status === 'pending_confirmation';
        const purpose = registered ? 'email_confirmation' : 'activation';
        if (!(await links.mayResend(transaction, { userId: owner.id }, purpose, resendSpacing))) {
          throw new AppError(accountErrors.LINK_RECENTLY_SENT, { retryAfterSeconds: resendSpacing / 1000 });
        }
        if (registered) await mainUserLinks.sendWelcome(transaction, account, owner);
        else await mainUserLinks.sendActivation(transaction, owner);
        await audit.record(transaction, {
          actor,
          accountId,
          action: 'account.main_user_link_resent',
          target: { type: 'user', id: owner.id },
          details: { email: owner.email },
        });
        return { sentTo: owner.email };
      });
    },

    /** A suspended account's users cannot sign in, and their open sessions stop working at once. */
    async setAccountStatus(accountId: string, status: 'active' | 'suspended', actor: AuditActor) {
      return db.transaction().execute(async (transaction) => {
        const account = await findAccount(accountId, transaction);
        if (account.status !== status) {
          await repository.setStatus(transaction, accountId, status, clock.now().toISOString());
          await audit.record(transaction, {
            actor,
            accountId,
            action: status === 'suspended' ? 'account.suspended' : 'account.reactivated',
            target: { type: 'account', id: accountId },
          });
        }
        return view({ ...account, status });
      });
    },
  };
}

export type AccountProvisioning = ReturnType<typeof createAccountProvisioning>;
