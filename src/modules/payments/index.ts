// P1–P6: paying invoices. One composition for app.ts: the ledger every way of paying books into, and the
// services and routes built on it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditService } from '../audit/index.ts';
import type { Notifications } from '../contacts/index.ts';
import type { ProviderService } from '../provider/index.ts';
import { createLedger } from './ledger.ts';
import { paymentsRoutes as coreRoutes } from './payments.routes.ts';
import { createPaymentsService } from './payments.service.ts';

export { type Balance, balanceOf, createLedger, type Ledger, type PaymentState } from './ledger.ts';

export interface PaymentsDependencies {
  db: Db;
  clock: Clock;
  config: Config;
  audit: AuditService;
  notifications: Notifications;
  provider: ProviderService;
}

export function createPayments(dependencies: PaymentsDependencies) {
  const ledger = createLedger(dependencies);
  const core = createPaymentsService({ ...dependencies, ledger });
  return { ledger, core };
}

export type Payments = ReturnType<typeof createPayments>;

export const paymentsRoutes: FastifyPluginAsyncTypebox<{ payments: Payments }> = async (
  app,
  { payments },
) => {
  await app.register(coreRoutes, { core: payments.core });
};
