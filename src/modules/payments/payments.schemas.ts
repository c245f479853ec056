import { Type } from 'typebox';
import { id, line } from '../auth/auth.schemas.ts';

const nullableString = Type.Union([Type.String(), Type.Null()]);
const nullableLine = (maxLength: number) => Type.Union([line(maxLength, 0), Type.Null()]);
/** A calendar date, YYYY-MM-DD; the ledger refuses one that does not exist. */
export const calendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const paymentState = Type.Union([Type.Enum(['open', 'overdue', 'paid', 'credited']), Type.Null()]);
export const paymentMethod = Type.Enum(['bank_transfer', 'direct_debit', 'card', 'manual']);

const days = Type.Integer({ minimum: 0, maximum: 1000 });
export const paymentSettings = Type.Object({
  bankAccountHolder: nullableString,
  iban: nullableString,
  bic: nullableString,
  creditorId: nullableString,
  firstReminderDays: Type.Integer(),
  secondReminderDays: Type.Integer(),
  directDebitNoticeDays: Type.Integer(),
});
export const paymentSettingsBody = Type.Object(
  {
    bankAccountHolder: nullableLine(70),
    iban: nullableLine(42),
    bic: nullableLine(11),
    creditorId: nullableLine(35),
    firstReminderDays: days,
    secondReminderDays: days,
    directDebitNoticeDays: days,
  },
  { additionalProperties: false },
);

export const accountTerms = Type.Object({ paymentTermDays: Type.Integer(), remindersPaused: Type.Boolean() });
export const accountTermsBody = Type.Object(
  { paymentTermDays: days, remindersPaused: Type.Boolean() },
  { additionalProperties: false },
);

export const paymentParams = Type.Object({ paymentId: id });

export const invoiceLedger = Type.Object({
  invoiceId: Type.String(),
  number: Type.String(),
  grossCents: Type.Integer(),
  creditedCents: Type.Integer(),
  paidCents: Type.Integer(),
  openCents: Type.Integer(),
  state: paymentState,
  entries: Type.Array(
    Type.Object({
      id: Type.String(),
      amountCents: Type.Integer(),
      currency: Type.String(),
      method: paymentMethod,
      reference: nullableString,
      bookedOn: Type.String(),
      note: nullableString,
      reversesPaymentId: nullableString,
      reversed: Type.Boolean(),
      createdAt: Type.String(),
    }),
  ),
});

export const manualPaymentBody = Type.Object(
  {
    amountCents: Type.Integer({ minimum: 1, maximum: 99_999_999_999 }),
    currency: Type.String({ minLength: 3, maxLength: 3 }),
    bookedOn: calendarDate,
    method: Type.Enum(['bank_transfer', 'manual']),
    note: nullableLine(500),
  },
  { additionalProperties: false },
);
export const reversalBody = Type.Object({ note: nullableLine(500) }, { additionalProperties: false });

export const bankTransfer = Type.Object({
  holder: Type.String(),
  iban: Type.String({ description: 'In groups of four, as printed' }),
  bic: nullableString,
  reference: Type.String({ description: 'The invoice number, to give as the transfer reference' }),
  amountCents: Type.Integer({ description: 'What is still open' }),
  dueDate: nullableString,
  state: paymentState,
  epcPayload: Type.Union([Type.String({ description: 'EPC069-12 (GiroCode) payload' }), Type.Null()]),
  qrSvg: Type.Union([
    Type.String({
      description: 'The GiroCode as SVG; null when nothing is open or a direct debit is announced',
    }),
    Type.Null(),
  ]),
  directDebit: Type.Union(
    [
      Type.Object({
        collectionDate: Type.String(),
        amountCents: Type.Integer(),
        mandateReference: Type.String(),
      }),
      Type.Null(),
    ],
    { description: 'The SEPA direct debit announced for this invoice, if any' },
  ),
});
