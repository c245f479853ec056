import { Type } from 'typebox';
import { id, line } from '../auth/auth.schemas.ts';

const nullableString = Type.Union([Type.String(), Type.Null()]);
const cents = Type.Integer({ description: 'integer cents' });

export const invoiceParams = Type.Object({ accountId: id, invoiceId: id });
export const operatorInvoiceParams = Type.Object({ invoiceId: id });
export const month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

const kind = Type.Enum(['invoice', 'credit_note']);

export const invoiceSummary = Type.Object({
  id: Type.String(),
  kind,
  /** "2026-000001"; credit notes "G-2026-000001" */
  number: Type.String(),
  issueDate: Type.String({ description: 'YYYY-MM-DD' }),
  billingMonth: Type.String(),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  netCents: cents,
  vatCents: cents,
  grossCents: cents,
  correctsNumber: nullableString,
  hasDocuments: Type.Boolean({ description: 'the PDF and the XML can be downloaded' }),
  dueDate: nullableString,
  paidCents: Type.Integer({ description: 'payments less counter-entries; 0 for a credit note' }),
  creditedCents: Type.Integer({ description: "the credit notes' gross amounts" }),
  openCents: Type.Integer({ description: 'what is still to pay; negative when more was paid' }),
  paymentState: Type.Union([Type.Enum(['open', 'overdue', 'paid', 'credited']), Type.Null()], {
    description: 'null for a credit note',
  }),
});

export const invoiceList = Type.Object({ items: Type.Array(invoiceSummary) });

const vatBreakdown = Type.Array(
  Type.Object({ vatRateBp: Type.Integer({ description: '1900 = 19 %' }), netCents: cents, vatCents: cents }),
);

const lineProperties = {
  position: Type.Integer(),
  serviceCode: Type.String(),
  description: Type.String(),
  unit: Type.String(),
  quantity: Type.Integer(),
  unitNetCents: cents,
  netCents: cents,
  vatRateBp: Type.Integer(),
  /** Set on a late line: usage of an earlier month, dated with that month. */
  periodFrom: nullableString,
  periodTo: nullableString,
};

const appendix = Type.Array(
  Type.Object({
    userNumber: Type.String(),
    userName: Type.String(),
    serviceCode: Type.String(),
    description: Type.String(),
    quantity: Type.Integer(),
    netCents: cents,
  }),
);

const party = {
  name: Type.String(),
  street: nullableString,
  postalCode: nullableString,
  city: nullableString,
  country: Type.String(),
  vatId: nullableString,
};

export const invoiceDetail = Type.Object({
  ...invoiceSummary.properties,
  language: Type.String(),
  reason: nullableString,
  seller: Type.Object({ ...party, taxNumber: nullableString, email: Type.String() }),
  buyer: Type.Object({ ...party, customerNumber: Type.String() }),
  lines: Type.Array(
    Type.Object({
      id: Type.String(),
      ...lineProperties,
      creditableQuantity: Type.Integer({ description: 'what credit notes have not yet taken back' }),
    }),
  ),
  vatBreakdown,
  appendix,
  creditNotes: Type.Array(Type.Object({ id: Type.String(), number: Type.String(), grossCents: cents })),
});

export const invoicePreview = Type.Object({
  month: Type.String(),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  events: Type.Integer(),
  lines: Type.Array(Type.Object(lineProperties)),
  vatBreakdown,
  netCents: cents,
  vatCents: cents,
  grossCents: cents,
  appendix,
});

export const runsOverview = Type.Object({
  /** The zone the months' states are counted in (DEFAULT_TIMEZONE). */
  timeZone: Type.String(),
  items: Type.Array(
    Type.Object({
      month: Type.String(),
      state: Type.Enum(['open', 'grace', 'closed']),
      invoices: Type.Integer(),
      netCents: cents,
      grossCents: cents,
      lastIssuedAt: nullableString,
      waitingAccounts: Type.Integer({ description: 'accounts with usage of the month not yet invoiced' }),
    }),
  ),
});

export const runBody = Type.Object({ month }, { additionalProperties: false });

export const runResult = Type.Object({
  month: Type.String(),
  accounts: Type.Integer(),
  issued: Type.Integer(),
  firstNumber: nullableString,
  lastNumber: nullableString,
  notYetDue: Type.Integer(),
});

export const creditNoteBody = Type.Object(
  {
    reason: line(500),
    /** The lines to credit; every line's remainder when absent. */
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            lineId: id,
            /** Of the line's quantity; all that is left of it when absent. */
            quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 1000 },
      ),
    ),
  },
  { additionalProperties: false },
);
