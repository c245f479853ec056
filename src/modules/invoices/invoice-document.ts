// What an issued invoice or credit note says, independent of how it is stored: the input of the PDF/A-3,
// the EN 16931 CII XML and the CSV. Money is integer cents, rates are basis points (1900 = 19 %). A credit
// note's amounts are positive too: they are what it credits (EN 16931 type code 381).

export interface InvoiceParty {
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  vatId: string | null;
  /** Steuernummer, for a seller without a VAT id (§14 (4) Nr. 2 UStG). */
  taxNumber?: string | null;
  email?: string | null;
  /** Commercial register entry (EN 16931 BT-30), e.g. "HRB 12345 B, Amtsgericht Charlottenburg": a seller
   *  without a VAT id needs it, as EN 16931 identifies a seller by one of the two (BR-CO-26). */
  legalRegistrationId?: string | null;
}

export interface InvoiceDocumentLine {
  position: number;
  serviceCode: string;
  description: string;
  quantity: number;
  unit: string;
  unitNetCents: number;
  netCents: number;
  vatRateBp: number;
  /** A late line: usage of an earlier, already closed month, with that month's dates. */
  period?: { from: string; to: string } | null;
}

/** The appendix: who made which requests, per user and service. */
export interface InvoiceAppendixEntry {
  userNumber: string;
  userName: string;
  serviceCode: string;
  description: string;
  quantity: number;
  netCents: number;
}

export interface InvoiceVatBreakdown {
  vatRateBp: number;
  netCents: number;
  vatCents: number;
  /** For a 0 % rate: why no VAT is due (VAT category E, exempt). Without it a 0 % rate is zero-rated (Z). */
  exemptionReason?: string | null;
}

export interface InvoiceDocument {
  kind: 'invoice' | 'credit_note';
  number: string;
  /** YYYY-MM-DD */
  issueDate: string;
  /** The billed month, YYYY-MM-DD both inclusive. */
  servicePeriod: { from: string; to: string };
  /** A credit note names the invoice it corrects. */
  correctsNumber?: string | null;
  currency: 'EUR';
  language: 'de' | 'en' | 'hu';
  seller: InvoiceParty;
  buyer: InvoiceParty & { customerNumber: string };
  lines: InvoiceDocumentLine[];
  vatBreakdown: InvoiceVatBreakdown[];
  netCents: number;
  vatCents: number;
  grossCents: number;
  /** YYYY-MM-DD */
  dueDate?: string | null;
  /** Payment terms as text (BT-20). Without them and without a due date the document says "payable at once"
   *  (a credit note: "will be refunded"), as EN 16931 wants one of the two for an amount due (BR-CO-25). */
  paymentTerms?: string | null;
  /** The seller's account for a SEPA credit transfer (BG-17). */
  bankAccount?: { iban: string; bic?: string | null; holder?: string | null } | null;
  appendix: InvoiceAppendixEntry[];
}
