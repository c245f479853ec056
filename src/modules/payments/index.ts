// P1–P6: paying invoices. One composition for app.ts: the ledger every way of paying books into, and the
// services and routes built on it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditService } from '../audit/index.ts';
import type { Notifications } from '../contacts/index.ts';
import type { ProviderService } from '../provider/index.ts';
import { bankStatementRoutes } from './bank-statement.routes.ts';
import { createBankStatements } from './bank-statements.ts';
import { createDirectDebits } from './direct-debits.ts';
import { createLedger } from './ledger.ts';
import { onlinePaymentsRoutes } from './online-payments.routes.ts';
import { createOnlinePayments } from './online-payments.ts';
import { paymentsRoutes as coreRoutes } from './payments.routes.ts';
import { createPaymentsService } from './payments.service.ts';
import { remindersRoutes } from './reminders.routes.ts';
import { createReminderJob, createReminders } from './reminders.ts';
import { sepaRoutes } from './sepa.routes.ts';
import { createSepaMandates } from './sepa-mandates.ts';
import { createStripeProvider } from './stripe-provider.ts';

export { type Balance, balanceOf, createLedger, type Ledger, type PaymentState } from './ledger.ts';

export interface PaymentsDependencies {
  db: Db;
  clock: Clock;
  config: Config;
  audit: AuditService;
  notifications: Notifications;
  provider: ProviderService;
  /** Where the daily jobs report (app.log); none in tests that build the services alone. */
  log?: FastifyBaseLogger;
}

export function createPayments(dependencies: PaymentsDependencies) {
  const ledger = createLedger(dependencies);
  /** P4: incoming payments from camt.053 bank statements. */
  const bankStatements = createBankStatements({ ...dependencies, ledger });
  const core = createPaymentsService({
    ...dependencies,
    ledger,
    afterReversal: bankStatements.afterReversal,
  });
  const reminders = createReminders({ ...dependencies, ledger, core });
  /** P5: the daily reminder run; `kontor serve` starts it. */
  const reminderJob = createReminderJob(reminders, dependencies.log);
  const { cardPayments } = dependencies.config;
  /** P6: card payment on the provider's checkout; off without STRIPE_SECRET_KEY. */
  const online = createOnlinePayments({
    ...dependencies,
    ledger,
    provider: cardPayments ? createStripeProvider(cardPayments) : null,
  });
  /** P3: SEPA mandates and direct debit collections exported as pain.008. */
  const mandates = createSepaMandates({ ...dependencies, core });
  const directDebits = createDirectDebits({ ...dependencies, ledger, core });
  return { ledger, core, reminders, reminderJob, bankStatements, online, mandates, directDebits };
}

export type Payments = ReturnType<typeof createPayments>;

export const paymentsRoutes: FastifyPluginAsyncTypebox<{ payments: Payments }> = async (
  app,
  { payments },
) => {
  await app.register(coreRoutes, { core: payments.core });
  await app.register(remindersRoutes, { reminders: payments.reminders });
  await app.register(onlinePaymentsRoutes, { online: payments.online });
  await app.register(bankStatementRoutes, { bankStatements: payments.bankStatements });
  await app.register(sepaRoutes, { mandates: payments.mandates, directDebits: payments.directDebits });
};
