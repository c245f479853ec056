// Issue 16, item 2 (seed 003): the provider's support creates, changes and deletes a customer's users and
// re-sends their activation links "on the customer's order", under the rules a customer admin has (seat
// limit, admin e-mail, owner protection). Each change is audited in the account as the operator's, and the
// owner hears of it by e-mail, in the same transaction. The owner may switch this off; re-sending the main
// user's link stays possible, since without it an account that never started cannot start.
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import { translator } from '../../shared/i18n.ts';
import { formatName, type PersonName } from '../../shared/names.ts';
import type { ActivationService } from '../activation/index.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { MailService } from '../mail/index.ts';
import type { PersonalData, UserAdministration, UsersService } from '../users/index.ts';
import { userErrors } from '../users/index.ts';
import { actingErrors } from './acting.errors.ts';

interface Dependencies {
  db: Db;
  config: Config;
  mail: MailService;
  audit: AuditService;
  users: UsersService;
  administration: UserAdministration;
  activation: ActivationService;
}

/** The operator acting, as the guard put them on the request. */
export interface ActingOperator {
  operatorId: string;
  name: string;
  ipAddress: string;
}

type Change = 'created' | 'changed' | 'deleted' | 'activationResent';

export function createActingForCustomers({
  db,
  config,
  mail,
  audit,
  users,
  administration,
  activation,
}: Dependencies) {
  const repository = users.repository;

  async function accountOf(executor: Db, accountId: string) {
    const account = await executor
      .selectFrom('accounts')
      .select(['id', 'name', 'customerNumber', 'providerMayAct'])
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (!account) throw new AppError('NOT_FOUND');
    return account;
  }

  const contextOf = (accountId: string, by: ActingOperator) => ({
    accountId,
    actor: { type: 'operator' as const, id: by.operatorId, ipAddress: by.ipAddress },
  });

  /** Checked in the change's transaction, so an owner switching it off meanwhile wins. */
  const onOrder =
    (accountId: string, by: ActingOperator, change: Change, options: { evenIfOff?: boolean } = {}) =>
    async (transaction: Db, user: PersonName & { userNumber: string }) => {
      const account = await accountOf(transaction, accountId);
      assertThat(options.evenIfOff || account.providerMayAct === 1, actingErrors.PROVIDER_ACTING_OFF);
      const owner = await repository.findOwner(transaction, accountId);
      if (!owner?.email) return;
      const locale = (owner.locale ?? config.defaultLocale) as Locale;
      const t = translator(locale);
      await mail.enqueueEmail(transaction, {
        to: owner.email,
        greet: owner,
        locale,
        template: 'providerActed',
        params: {
          operatorName: by.name,
          companyName: account.name,
          customerNumber: account.customerNumber,
          change: t(`email.providerActed.changes.${change}`, {
            user: `${formatName(user, locale)} (${user.userNumber})`,
          }),
          auditUrl: new URL('/account/audit', config.publicUrl).href,
        },
      });
    };

  return {
    async listUsers(accountId: string, query: { search?: string; page: number; pageSize: number }) {
      const account = await accountOf(db, accountId);
      const list = await administration.listUsers({
        accountId,
        viewer: { userId: '', seesAll: true },
        ...query,
      });
      return { ...list, actingAllowed: account.providerMayAct === 1 };
    },

    /** Always with an activation e-mail to the user: credentials never pass through the provider's staff. */
    async createUser(accountId: string, data: PersonalData, by: ActingOperator) {
      await accountOf(db, accountId);
      const { user } = await administration.createUser(contextOf(accountId, by), data, {
        sendActivation: true,
        alsoInTransaction: onOrder(accountId, by, 'created'),
      });
      return user;
    },

    async updateUser(accountId: string, userId: string, data: Partial<PersonalData>, by: ActingOperator) {
      return administration.updateUser(
        contextOf(accountId, by),
        userId,
        data,
        onOrder(accountId, by, 'changed'),
      );
    },

    async deleteUser(accountId: string, userId: string, by: ActingOperator) {
      await administration.deleteUser(contextOf(accountId, by), userId, onOrder(accountId, by, 'deleted'));
    },

    /** The main user's link goes out even when the owner has switched acting off. */
    async resendActivation(accountId: string, userId: string, by: ActingOperator) {
      const context = contextOf(accountId, by);
      return activation.resend(accountId, userId, context.actor, async (transaction, user) =>
        onOrder(accountId, by, 'activationResent', { evenIfOff: user.role === 'owner' })(transaction, user),
      );
    },

    async providerAccess(accountId: string) {
      return { allowed: (await accountOf(db, accountId)).providerMayAct === 1 };
    },

    /** The owner's decision alone: an admin cannot widen or narrow what the provider may do. */
    async setProviderAccess(
      accountId: string,
      allowed: boolean,
      by: { userId: string; isOwner: boolean; actor: AuditActor },
    ) {
      assertThat(by.isOwner, userErrors.OWNER_ONLY);
      await db.transaction().execute(async (transaction) => {
        await transaction
          .updateTable('accounts')
          .set({ providerMayAct: allowed ? 1 : 0 })
          .where('id', '=', accountId)
          .execute();
        await audit.record(transaction, {
          actor: by.actor,
          accountId,
          action: 'account.provider_access_changed',
          target: { type: 'account', id: accountId },
          details: { allowed },
        });
      });
      return { allowed };
    },
  };
}

export type ActingForCustomers = ReturnType<typeof createActingForCustomers>;
