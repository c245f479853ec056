// D1: products the provider hosts for an account (a server, a mailbox, a telephone system …). Operators
// assign them, suspend and resume them and end them; an ended one stays listed. The account's members with
// "products.view" read them beside the subscriptions. Every change is audited in the account.
import type { Db } from '../../db/kysely.ts';
import type { Database, HostedProductState } from '../../db/schema.ts';
import { AppError, type ErrorDetail } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { hostedProductErrors } from './hosted-products.errors.ts';
import { createHostedProductsRepository } from './hosted-products.repository.ts';

export interface HostedProductContext {
  accountId: string;
  actor: AuditActor;
}

type HostedProductRow = Database['hostedProducts'];

/** A date that exists: 2026-02-30 passes the pattern but is no day. */
const isCalendarDate = (value: string) => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
};

const view = (row: HostedProductRow) => ({
  id: row.id,
  name: row.name,
  startedOn: row.startedOn,
  state: row.state,
  endedAt: row.endedAt,
  updatedAt: row.updatedAt,
});

export function createHostedProductsService({
  db,
  clock,
  audit,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
}) {
  const repository = createHostedProductsRepository();
  const now = () => clock.now().toISOString();

  /** Operators name the account in the path: one that does not exist is not found. */
  async function assertAccount(accountId: string) {
    if (!(await repository.accountExists(db, accountId))) throw new AppError('NOT_FOUND');
  }

  /** Moves a product to a new state; an ended one never moves again. */
  async function moveTo(context: HostedProductContext, id: string, state: HostedProductState) {
    await assertAccount(context.accountId);
    return db.transaction().execute(async (transaction) => {
      const before = await repository.findInAccount(transaction, context.accountId, id);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.state === 'ended') throw new AppError(hostedProductErrors.HOSTED_PRODUCT_ENDED);
      if (before.state === state) return view(before);
      const at = now();
      const fields = { state, endedAt: state === 'ended' ? at : null, updatedAt: at };
      await repository.setState(transaction, context.accountId, id, fields);
      await audit.record(transaction, {
        actor: context.actor,
        accountId: context.accountId,
        action: state === 'ended' ? 'hosted_product.ended' : 'hosted_product.state_changed',
        target: { type: 'hosted_product', id, name: { name: before.name } },
        details: { from: before.state, to: state },
      });
      return view({ ...before, ...fields });
    });
  }

  return {
    async list(accountId: string, { operator = false } = {}) {
      if (operator) await assertAccount(accountId);
      return { items: (await repository.listForAccount(db, accountId)).map(view) };
    },

    async assign(context: HostedProductContext, input: { name: string; startedOn: string }) {
      await assertAccount(context.accountId);
      const name = input.name.trim().replace(/\s+/g, ' ');
      const details: ErrorDetail[] = [];
      if (!name) details.push({ field: 'name', code: hostedProductErrors.HOSTED_PRODUCT_NAME_BLANK });
      if (!isCalendarDate(input.startedOn)) {
        details.push({ field: 'startedOn', code: hostedProductErrors.HOSTED_PRODUCT_START_INVALID });
      }
      if (details.length > 0) throw new AppError('VALIDATION_FAILED', { details });
      const at = now();
      const row: HostedProductRow = {
        id: newId(),
        accountId: context.accountId,
        name,
        startedOn: input.startedOn,
        state: 'active',
        endedAt: null,
        createdAt: at,
        updatedAt: at,
      };
      await db.transaction().execute(async (transaction) => {
        await repository.insert(transaction, row);
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'hosted_product.assigned',
          target: { type: 'hosted_product', id: row.id, name: { name } },
          details: { startedOn: row.startedOn },
        });
      });
      return view(row);
    },

    changeState: (context: HostedProductContext, id: string, state: 'active' | 'suspended') =>
      moveTo(context, id, state),

    end: (context: HostedProductContext, id: string) => moveTo(context, id, 'ended'),
  };
}

export type HostedProductsService = ReturnType<typeof createHostedProductsService>;
