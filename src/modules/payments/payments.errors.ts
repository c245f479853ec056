import { defineErrors } from '../../shared/app-error.ts';

// Field codes are details of VALIDATION_FAILED, each under its field.
export const paymentErrors = defineErrors({
  /** Payments are booked on invoices; a credit note is not paid. */
  PAYMENT_NOT_AN_INVOICE: 409,
  /** Invoices are in euro; a payment in another currency is not booked. */
  PAYMENT_CURRENCY_MISMATCH: 400,
  PAYMENT_AMOUNT_INVALID: 400,
  PAYMENT_DATE_INVALID: 400,
  /** A counter-entry is never reversed, and an entry only once. */
  PAYMENT_ALREADY_REVERSED: 409,
  PAYMENT_TERM_INVALID: 400,
  IBAN_INVALID: 400,
  BIC_INVALID: 400,
  CREDITOR_ID_INVALID: 400,
  REMINDER_DAYS_INVALID: 400,
  /** Bank transfer details (and the GiroCode) need the provider's IBAN, set in the operator area. */
  PAYEE_NOT_CONFIGURED: 409,
});
