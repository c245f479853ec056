import { Type } from 'typebox';
import { line } from '../auth/auth.schemas.ts';
import { calendarDate } from './payments.schemas.ts';

const nullableString = Type.Union([Type.String(), Type.Null()]);
const scheme = Type.Enum(['CORE', 'B2B'], { description: 'SEPA core (consumers and companies) or B2B' });
const sequenceType = Type.Enum(['FRST', 'RCUR']);

export const mandate = Type.Object({
  id: Type.String(),
  reference: Type.String({ description: 'The mandate reference, "KNT-<customer number>-<n>"' }),
  scheme,
  accountHolder: Type.String(),
  iban: Type.String({ description: 'In groups of four' }),
  bic: nullableString,
  signedOn: Type.String(),
  language: Type.String(),
  mandateText: Type.String({ description: 'The text as the member agreed to it' }),
  revokedAt: nullableString,
  lastCollectedOn: nullableString,
});

export const accountMandate = Type.Object({
  mandate: Type.Union([mandate, Type.Null()]),
  offer: Type.Union(
    [
      Type.Object({
        creditorName: Type.String(),
        creditorId: Type.String(),
        reference: Type.String({ description: 'The reference a mandate given now gets' }),
        texts: Type.Object({ CORE: Type.String(), B2B: Type.String() }),
      }),
      Type.Null(),
    ],
    { description: 'Null while the provider has not set up direct debit' },
  ),
});

export const mandateBody = Type.Object(
  {
    scheme,
    accountHolder: line(70, 0),
    iban: line(42, 0),
    bic: Type.Optional(Type.Union([line(11, 0), Type.Null()])),
    agreed: Type.Boolean({ description: 'The member agrees to the mandate text shown' }),
  },
  { additionalProperties: false },
);

export const operatorMandates = Type.Object({
  items: Type.Array(
    Type.Object({
      ...mandate.properties,
      accountId: Type.String(),
      accountName: Type.String(),
      customerNumber: Type.String(),
    }),
  ),
});

export const directDebitOverview = Type.Object({
  earliestCollectionDate: Type.String(),
  due: Type.Array(
    Type.Object({
      invoiceId: Type.String(),
      number: Type.String(),
      accountId: Type.String(),
      accountName: Type.String(),
      openCents: Type.Integer(),
      mandateReference: Type.String(),
      scheme,
      sequenceType,
    }),
  ),
  collections: Type.Array(
    Type.Object({
      id: Type.String(),
      amountCents: Type.Integer(),
      collectionDate: Type.String(),
      sequenceType,
      exportMessageId: nullableString,
      number: Type.String(),
      accountName: Type.String(),
      mandateReference: Type.String(),
    }),
  ),
});

export const exportBody = Type.Object({ collectionDate: calendarDate }, { additionalProperties: false });

export const exportResult = Type.Object({
  messageId: Type.String(),
  collectionDate: Type.String(),
  count: Type.Integer(),
  totalCents: Type.Integer(),
  fileName: Type.String(),
  xml: Type.String({ description: 'The pain.008.001.02 file to hand to the bank' }),
});
