// U5: an account has exactly one owner. Ownership moves only when the owner hands it, with their password,
// to one of the account's admins; the old owner stays an admin.
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import { formatName } from '../../shared/names.ts';
import type { AuditService } from '../audit/index.ts';
import type { MailService } from '../mail/index.ts';
import type { AdminContext } from './members.ts';
import { ownershipErrors } from './ownership.errors.ts';
import { confirmCurrentPassword } from './reauthentication.ts';
import type { UsersService } from './users.service.ts';

interface Dependencies {
  db: Db;
  config: Config;
  mail: MailService;
  users: UsersService;
  audit: AuditService;
}

export function createOwnership({ db, config, mail, users, audit }: Dependencies) {
  const repository = users.repository;
  return {
    async transferOwnership(context: AdminContext, toUserId: string, currentPassword: string) {
      await confirmCurrentPassword(users, context.actor.id, currentPassword);
      await db.transaction().execute(async (transaction) => {
        await repository.lockAccount(transaction, context.accountId);
        const owner = await repository.findMember(transaction, context.accountId, context.actor.id);
        assertThat(owner?.role === 'owner', ownershipErrors.ONLY_OWNER_TRANSFERS);
        const next = await repository.findMember(transaction, context.accountId, toUserId);
        if (!next) throw new AppError('NOT_FOUND');
        assertThat(next.role === 'admin', ownershipErrors.NEW_OWNER_MUST_BE_ADMIN);
        await repository.setRole(transaction, context.accountId, toUserId, 'owner');
        await repository.setRole(transaction, context.accountId, context.actor.id, 'admin');
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'account.ownership_transferred',
          target: { type: 'user', id: toUserId },
        });
        // The new owner learns it from the account itself, not only from the person who handed it over.
        if (next.email) {
          const locale = (next.locale ?? config.defaultLocale) as Locale;
          const seats = await repository.seats(context.accountId, transaction);
          await mail.enqueueEmail(transaction, {
            to: next.email,
            greet: next,
            locale,
            template: 'ownershipTransferred',
            params: {
              fromName: formatName(owner, locale),
              companyName: seats.name,
              customerNumber: seats.customerNumber,
              accountUrl: new URL('/account/users', config.publicUrl).href,
            },
          });
        }
      });
    },
  };
}

export type Ownership = ReturnType<typeof createOwnership>;
