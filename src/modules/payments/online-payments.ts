// P6: paying an invoice by card on the provider's hosted checkout. A member with "pay invoices" starts a
// checkout for what is open; the provider's webhook, once its signature is verified, books the payment in the
// ledger (once, however often the provider redelivers it) and marks the checkout paid.
import type { FastifyBaseLogger } from 'fastify';
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/tokens.ts';
import { type AuditActor, type AuditService, systemActor } from '../audit/index.ts';
import { dayOf } from '../invoices/invoice-words.ts';
import { type Ledger, ledgerCurrency } from './ledger.ts';
import { type PaymentProvider, WebhookSignatureInvalid } from './online-payment-port.ts';
import { onlinePaymentErrors } from './online-payments.errors.ts';
import { paymentErrors } from './payments.errors.ts';
import { invoicePageUrl } from './payments.service.ts';

export function createOnlinePayments({
  db,
  clock,
  config,
  audit,
  ledger,
  provider,
  log,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  audit: AuditService;
  ledger: Ledger;
  provider: PaymentProvider | null;
  log?: FastifyBaseLogger;
}) {
  const today = () => dayOf(clock.now(), config.defaultTimezone);
  const configured = () => {
    if (!provider) throw new AppError(onlinePaymentErrors.CARD_PAYMENT_NOT_CONFIGURED);
    return provider;
  };

  async function paid(event: { id: string; sessionId: string; amountCents: number; currency: string }) {
    await db.transaction().execute(async (transaction) => {
      const checkout = await transaction
        .selectFrom('onlinePayments')
        .selectAll()
        .where('providerSessionId', '=', event.sessionId)
        .executeTakeFirst();
      if (!checkout || checkout.state === 'paid') return; // not ours, or told before
      try {
        await ledger.book(transaction, {
          invoiceId: checkout.invoiceId,
          amountCents: event.amountCents,
          currency: event.currency,
          method: 'card',
          sourceKey: `${checkout.provider}:${event.sessionId}`,
          reference: event.sessionId,
          bookedOn: today(),
          actor: systemActor,
        });
      } catch (error) {
        // A payment in another currency is not booked; the provider is answered, an operator must look.
        if (error instanceof AppError) {
          log?.warn({ sessionId: event.sessionId, code: error.code }, 'card payment not booked');
          await audit.record(transaction, {
            actor: systemActor,
            accountId: checkout.accountId,
            action: 'payment.card_refused',
            target: { type: 'invoice', id: checkout.invoiceId },
            details: { code: error.code, amountCents: event.amountCents, currency: event.currency },
          });
          return;
        }
        throw error;
      }
      await transaction
        .updateTable('onlinePayments')
        .set({ state: 'paid', completedAt: clock.now().toISOString() })
        .where('id', '=', checkout.id)
        .execute();
    });
  }

  return {
    available: () => provider !== null,

    /** Opens the provider's checkout for what is open on the invoice; returns where to send the browser. */
    async start(accountId: string, invoiceId: string, actor: AuditActor, locale: Locale) {
      const checkoutProvider = configured();
      const invoice = await db
        .selectFrom('invoices')
        .selectAll()
        .where('id', '=', invoiceId)
        .where('accountId', '=', accountId)
        .executeTakeFirst();
      if (!invoice) throw new AppError('NOT_FOUND');
      if (invoice.kind !== 'invoice') throw new AppError(paymentErrors.PAYMENT_NOT_AN_INVOICE);
      const { openCents } = await ledger.balance(db, invoice, today());
      if (openCents <= 0) throw new AppError(onlinePaymentErrors.INVOICE_ALREADY_PAID);
      const collection = await db
        .selectFrom('directDebitCollections')
        .select('id')
        .where('invoiceId', '=', invoice.id)
        .executeTakeFirst();
      // Announced for collection by direct debit: paying by card as well would charge it twice.
      if (collection) throw new AppError(onlinePaymentErrors.DIRECT_DEBIT_ANNOUNCED);
      const user = actor.id
        ? await db.selectFrom('users').select('email').where('id', '=', actor.id).executeTakeFirst()
        : undefined;
      const page = invoicePageUrl(config.publicUrl, invoice.id);
      const session = await checkoutProvider
        .createCheckout({
          invoiceId: invoice.id,
          number: invoice.number,
          amountCents: openCents,
          currency: ledgerCurrency,
          customerEmail: user?.email ?? null,
          locale,
          successUrl: `${page}?payment=done`,
          cancelUrl: `${page}?payment=cancelled`,
        })
        .catch((error: unknown) => {
          log?.error({ err: error }, 'the payment provider refused a checkout');
          throw new AppError(onlinePaymentErrors.PAYMENT_PROVIDER_UNAVAILABLE);
        });
      await db.transaction().execute(async (transaction) => {
        await transaction
          .insertInto('onlinePayments')
          .values({
            id: newId(),
            invoiceId: invoice.id,
            accountId,
            provider: checkoutProvider.name,
            providerSessionId: session.sessionId,
            amountCents: openCents,
            currency: ledgerCurrency,
            state: 'open',
            startedByUserId: actor.id,
            createdAt: clock.now().toISOString(),
          })
          .execute();
        await audit.record(transaction, {
          actor,
          accountId,
          action: 'payment.card_checkout_started',
          target: { type: 'invoice', id: invoice.id, name: { name: invoice.number } },
          details: { amountCents: openCents },
        });
      });
      return { url: session.url };
    },

    /** The provider's webhook: nothing is read from it before its signature is verified. */
    async webhook(rawBody: Buffer, signature: string | undefined) {
      const webhookProvider = configured();
      let event: ReturnType<PaymentProvider['verifyWebhook']>;
      try {
        event = webhookProvider.verifyWebhook(rawBody, signature);
      } catch (error) {
        if (error instanceof WebhookSignatureInvalid)
          throw new AppError(onlinePaymentErrors.WEBHOOK_SIGNATURE_INVALID);
        throw error;
      }
      if (event.kind === 'checkout_paid') await paid(event);
      if (event.kind === 'checkout_expired')
        await db
          .updateTable('onlinePayments')
          .set({ state: 'expired', completedAt: clock.now().toISOString() })
          .where('providerSessionId', '=', event.sessionId)
          .where('state', '=', 'open')
          .execute();
      return { received: true };
    },
  };
}

export type OnlinePayments = ReturnType<typeof createOnlinePayments>;
