import { defineErrors } from '../../shared/app-error.ts';

export const onlinePaymentErrors = defineErrors({
  /** No payment provider is configured (STRIPE_SECRET_KEY): card payment is off. */
  CARD_PAYMENT_NOT_CONFIGURED: 409,
  /** Nothing is open on the invoice any more. */
  INVOICE_ALREADY_PAID: 409,
  /** A SEPA direct debit has been announced for the invoice: it is collected, not paid by card. */
  DIRECT_DEBIT_ANNOUNCED: 409,
  /** The webhook's signature does not match its body: nothing is believed, nothing changes. */
  WEBHOOK_SIGNATURE_INVALID: 400,
  /** The payment provider could not be reached or refused the checkout. */
  PAYMENT_PROVIDER_UNAVAILABLE: 502,
});
