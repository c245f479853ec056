import { Type } from 'typebox';
import { id } from '../auth/auth.schemas.ts';
import { bankStatementMaxBytes } from './bank-statements.ts';
import { paymentState } from './payments.schemas.ts';

const nullableString = Type.Union([Type.String(), Type.Null()]);
export const entryState = Type.Enum(['matched', 'unmatched', 'assigned']);

export const bankStatementBody = Type.Object(
  {
    /** The camt.053 file, base64-encoded. */
    data: Type.String({ minLength: 1, maxLength: Math.ceil((bankStatementMaxBytes * 4) / 3) + 4 }),
    fileName: Type.Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false },
);
export const bankStatementBodyLimit = Math.ceil((bankStatementMaxBytes * 4) / 3) + 1_000;

const shownInvoice = Type.Object({
  id: Type.String(),
  number: Type.String(),
  accountId: Type.String(),
  accountName: Type.String(),
  openCents: Type.Integer({ description: 'What the invoice still owes now; negative when over-paid' }),
  state: paymentState,
});

export const statementEntry = Type.Object({
  id: Type.String(),
  statementId: Type.String(),
  amountCents: Type.Integer(),
  currency: Type.String(),
  bookedOn: Type.String({ description: 'The value date' }),
  debtorName: nullableString,
  debtorIban: nullableString,
  remittance: nullableString,
  state: entryState,
  payments: Type.Array(
    Type.Object({
      id: Type.String(),
      amountCents: Type.Integer(),
      reversed: Type.Boolean(),
      invoice: shownInvoice,
    }),
  ),
  suggestions: Type.Array(
    Type.Object({
      ...shownInvoice.properties,
      named: Type.Boolean({ description: 'The remittance names this invoice' }),
    }),
    { description: 'For an unmatched entry: open invoices named in it, then those that owe its amount' },
  ),
});

export const importResult = Type.Object({
  statementId: Type.String(),
  messageId: Type.String(),
  version: Type.String({ description: 'camt.053.001.02, …' }),
  entries: Type.Integer({ description: 'Credits kept from the file' }),
  matched: Type.Integer(),
  unmatched: Type.Integer(),
  duplicates: Type.Integer({ description: 'Credits imported before in another file, not booked again' }),
  skippedDebits: Type.Integer(),
  skippedOther: Type.Integer({ description: 'Pending or informational entries and zero amounts' }),
  bookedCents: Type.Integer(),
  items: Type.Array(
    Type.Object({
      ...statementEntry.properties,
      reason: Type.Union([
        Type.Enum([
          'currency',
          'no_invoice_number',
          'unknown_invoice',
          'accounts_differ',
          'mandate_of_other_account',
        ]),
        Type.Null(),
      ]),
    }),
  ),
});

export const entriesQuery = Type.Object(
  { state: Type.Optional(entryState), statementId: Type.Optional(id) },
  { additionalProperties: false },
);
export const entryParams = Type.Object({ entryId: id });
/** The invoice by its id (a suggestion) or by the number the operator types. */
export const assignmentBody = Type.Union([
  Type.Object({ invoiceId: id }, { additionalProperties: false }),
  Type.Object(
    { invoiceNumber: Type.String({ minLength: 1, maxLength: 40 }) },
    { additionalProperties: false },
  ),
]);
