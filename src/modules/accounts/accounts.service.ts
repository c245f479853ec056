import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { NewAccount } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Salutation } from '../../shared/names.ts';
import { assertPasswordAcceptable, hashPassword } from '../../shared/passwords.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditService } from '../audit/index.ts';
import type { LinksService } from '../links/index.ts';
import type { MailService } from '../mail/index.ts';
import {
  isAccountUser,
  normalizeEmail,
  normalizeIdentifier,
  type SignInIdentifier,
  type UsersService,
} from '../users/index.ts';
import { createAccountsRepository } from './accounts.repository.ts';
import { unusedCustomerNumber } from './customer-numbers.ts';
import { createMainUserLinks, resendSpacing } from './main-user-links.ts';

interface Dependencies {
  db: Db;
  clock: Clock;
  config: Config;
  mail: MailService;
  links: LinksService;
  audit: AuditService;
  users: UsersService;
}

export interface Registration {
  companyName: string;
  salutation?: Salutation | null;
  title?: string;
  firstName: string;
  lastName: string;
  username: string;
  email: string;
  password: string;
  locale: Locale;
}

export function createAccountsService({ db, clock, config, mail, links, audit, users }: Dependencies) {
  const repository = createAccountsRepository(db);
  const page = (path: string) => new URL(path, config.publicUrl).href;

  const { sendWelcome } = createMainUserLinks({ links, mail, users });

  return {
    /**
     * A2: the account and its owner. The answer is the same whether or not the address is known (ASVS 6.3.8);
     * the owner of a known address gets a notice instead of a second account.
     */
    async registerAccount(registration: Registration, ipAddress: string): Promise<void> {
      const email = normalizeEmail(registration.email);
      assertPasswordAcceptable(registration.password, [
        registration.firstName,
        registration.lastName,
        registration.username,
        registration.companyName,
        email,
      ]);
      const passwordHash = await hashPassword(registration.password); // also for known addresses: same timing

      await db.transaction().execute(async (transaction) => {
        const existing = await users.repository.findByEmail(email, transaction);
        const pendingAccount = isAccountUser(existing)
          ? await repository.findById(existing.homeAccountId, transaction)
          : undefined;
        if (existing && pendingAccount?.status === 'pending_confirmation' && !existing.emailConfirmedAt) {
          // Never confirmed (the links may have expired): the same welcome again, with fresh links.
          const owner = { userId: existing.id };
          if (await links.mayResend(transaction, owner, 'email_confirmation', resendSpacing)) {
            await sendWelcome(transaction, pendingAccount, existing);
          }
          return;
        }
        if (existing) {
          await mail.enqueueEmail(transaction, {
            to: email,
            greet: existing,
            locale: (existing.locale ?? registration.locale) as Locale,
            template: 'registrationExistingAddress',
            params: {
              signInUrl: page('/sign-in'),
              resetUrl: page('/forgot-password'),
            },
          });
          return;
        }
        const now = clock.now().toISOString();
        const account: NewAccount = {
          id: newId(),
          customerNumber: await unusedCustomerNumber(repository, transaction),
          name: registration.companyName.trim(),
          status: 'pending_confirmation',
          seatLimit: config.defaultSeatLimit,
          seatsUsed: 1,
          locale: registration.locale,
          timezone: config.defaultTimezone,
          billingStreet: null,
          billingPostalCode: null,
          billingCity: null,
          billingCountry: null,
          vatId: null,
          createdAt: now,
          updatedAt: now,
        };
        await repository.insert(transaction, account);
        const { user, accessKey } = await users.createUser(transaction, {
          accountId: account.id,
          role: 'owner',
          username: registration.username.trim(),
          salutation: registration.salutation ?? null,
          title: registration.title?.trim() || null,
          firstName: registration.firstName.trim(),
          lastName: registration.lastName.trim(),
          email,
          passwordHash,
          status: 'active',
          locale: registration.locale,
        });
        await sendWelcome(transaction, account, user, accessKey);
        await audit.record(transaction, {
          actor: { type: 'user', id: user.id, ipAddress },
          accountId: account.id,
          action: 'account.registered',
          target: { type: 'account', id: account.id },
          details: { customerNumber: account.customerNumber, owner: user.userNumber },
        });
      });
    },

    /** The welcome e-mail's link: confirms the owner's address and opens the account. */
    async confirmRegistration(token: string, ipAddress: string): Promise<{ customerNumber: string }> {
      return db.transaction().execute(async (transaction) => {
        const { userId } = await links.consumeLink(transaction, token, 'email_confirmation');
        const now = clock.now().toISOString();
        const user = await users.repository.findById(userId, transaction);
        if (!isAccountUser(user)) throw new Error(`confirmation link of no account's user ${userId}`);
        await users.repository.update(transaction, userId, { emailConfirmedAt: now, updatedAt: now });
        const account = await repository.findById(user.homeAccountId, transaction);
        if (account?.status === 'pending_confirmation') {
          await repository.setStatus(transaction, account.id, 'active', now);
        }
        await audit.record(transaction, {
          actor: { type: 'user', id: userId, ipAddress },
          accountId: user.homeAccountId,
          action: 'user.email_confirmed',
          target: { type: 'user', id: userId },
        });
        return { customerNumber: account?.customerNumber ?? '' };
      });
    },

    /**
     * A welcome e-mail again, with fresh links, for an owner whose address is not yet confirmed; nothing for
     * anybody else. The caller always gets the same answer, whether or not the identifier is known.
     */
    async resendConfirmation(identifier: SignInIdentifier) {
      const normalized = normalizeIdentifier(identifier);
      const user = normalized && (await users.findBySignInIdentifier(normalized));
      if (!isAccountUser(user) || !user.email || user.emailConfirmedAt) return;
      const account = await repository.findById(user.homeAccountId);
      if (account?.status !== 'pending_confirmation') return;
      await db.transaction().execute(async (transaction) => {
        if (await links.mayResend(transaction, { userId: user.id }, 'email_confirmation', resendSpacing)) {
          await sendWelcome(transaction, account, user);
        }
      });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
