import { defineErrors } from '../../shared/app-error.ts';

export const invoiceErrors = defineErrors({
  // The installation's seller (name, address, country, e-mail, VAT id or tax number) is not complete.
  INVOICE_SELLER_INCOMPLETE: 409,
  // The month is still open (it ends on {{date}}): it can be billed once it has ended.
  INVOICE_MONTH_OPEN: 409,
  // Not a month as YYYY-MM.
  INVOICE_MONTH_INVALID: 400,
  // The invoice has nothing left to credit, or a chosen line more than is left of it.
  CREDIT_NOTE_EXCEEDS_INVOICE: 409,
  // Only an invoice is credited, not a credit note.
  CREDIT_NOTE_OF_CREDIT_NOTE: 409,
  // The documents of an invoice issued before they could be stored are not there (yet).
  INVOICE_DOCUMENT_MISSING: 404,
});
