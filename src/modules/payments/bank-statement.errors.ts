import { defineErrors } from '../../shared/app-error.ts';

export const bankStatementErrors = defineErrors({
  /** Not a camt.053 bank statement, or one that cannot be read (the reason names the element). */
  BANK_STATEMENT_INVALID: 400,
  /** The same file (by its SHA-256) was imported before: nothing is booked twice. */
  BANK_STATEMENT_ALREADY_IMPORTED: 409,
  /** Only an unmatched entry is assigned; a booked one is reversed first. */
  BANK_STATEMENT_ENTRY_NOT_UNMATCHED: 409,
  /** No invoice or credit note has the number typed for an assignment. */
  INVOICE_NUMBER_UNKNOWN: 404,
});
