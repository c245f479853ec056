import { defineErrors } from '../../shared/app-error.ts';

// Field codes are details of VALIDATION_FAILED, each under its field.
export const sepaErrors = defineErrors({
  /** Direct debit needs the provider's creditor identifier, account holder and IBAN (payment settings). */
  DIRECT_DEBIT_NOT_CONFIGURED: 409,
  ACCOUNT_HOLDER_REQUIRED: 400,
  /** A mandate is given only when the member agrees to its text. */
  MANDATE_NOT_AGREED: 400,
  /** Another member gave or revoked the account's mandate at the same moment. */
  MANDATE_CHANGED_MEANWHILE: 409,
  /** The collection date must leave the pre-notification its days (and be a real day). */
  COLLECTION_DATE_TOO_EARLY: 400,
  COLLECTION_DATE_INVALID: 400,
  /** No open invoice of an account with an active mandate waits for collection. */
  NO_DIRECT_DEBITS_DUE: 409,
});
