// Row types of paying invoices (P1–P6), apart from schema.ts to keep each file readable.
import type { Generated, Selectable } from 'kysely';

export type PaymentMethod = 'bank_transfer' | 'direct_debit' | 'card' | 'manual';

/** The ledger: append-only. A wrong entry is reversed by a counter-entry with the negative amount. */
export interface PaymentsTable {
  id: string;
  accountId: string;
  invoiceId: string;
  /** Signed: a counter-entry is negative. */
  amountCents: number;
  currency: string;
  method: PaymentMethod;
  /** What booked it (a statement entry, a collection, a provider event): booked once however often it repeats. */
  sourceKey: string | null;
  reference: string | null;
  /** YYYY-MM-DD, the value date. */
  bookedOn: string;
  reversesPaymentId: string | null;
  note: string | null;
  createdAt: string;
}

export type MandateScheme = 'CORE' | 'B2B';

export interface SepaMandatesTable {
  id: string;
  accountId: string;
  /** The unique mandate reference, "KNT-10001-1". */
  reference: string;
  scheme: MandateScheme;
  accountHolder: string;
  /** Electronic format, no spaces. */
  iban: string;
  bic: string | null;
  signedOn: string;
  language: string;
  /** The mandate text as the member agreed to it. */
  mandateText: string;
  givenByUserId: string | null;
  createdAt: string;
  revokedAt: string | null;
  revokedByUserId: string | null;
  /** Null until the first collection: that one goes out as FRST, later ones as RCUR. */
  lastCollectedOn: string | null;
}

export interface DirectDebitCollectionsTable {
  id: string;
  invoiceId: string;
  accountId: string;
  mandateId: string;
  amountCents: number;
  currency: string;
  collectionDate: string;
  sequenceType: 'FRST' | 'RCUR';
  announcedAt: string | null;
  exportedAt: string | null;
  /** The pain.008 GrpHdr/MsgId it went out in. */
  exportMessageId: string | null;
  createdAt: string;
}

export interface BankStatementsTable {
  id: string;
  fileSha256: string;
  messageId: string;
  statementId: string;
  accountIban: string | null;
  importedAt: string;
}

export type StatementEntryState = 'matched' | 'unmatched' | 'assigned';

export interface BankStatementEntriesTable {
  id: string;
  statementId: string;
  /** The bank's reference of the entry (or a digest of it): the same entry in another file is not booked again. */
  entryKey: string;
  amountCents: number;
  currency: string;
  bookedOn: string;
  debtorName: string | null;
  debtorIban: string | null;
  remittance: string | null;
  state: StatementEntryState;
  createdAt: string;
}

export interface PaymentRemindersTable {
  id: string;
  invoiceId: string;
  /** 1: friendly reminder, 2: second reminder. */
  level: number;
  openCents: number;
  sentAt: string;
}

export interface OnlinePaymentsTable {
  id: string;
  invoiceId: string;
  accountId: string;
  provider: string;
  providerSessionId: string;
  amountCents: number;
  currency: string;
  state: 'open' | 'paid' | 'expired';
  startedByUserId: string | null;
  createdAt: string;
  completedAt: Generated<string | null>;
}

export type Payment = Selectable<PaymentsTable>;
export type SepaMandate = Selectable<SepaMandatesTable>;
export type DirectDebitCollection = Selectable<DirectDebitCollectionsTable>;
export type BankStatementEntry = Selectable<BankStatementEntriesTable>;
export type OnlinePayment = Selectable<OnlinePaymentsTable>;
