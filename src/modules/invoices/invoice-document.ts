// What an issued invoice or credit note says, independent of how it is stored: the input of the PDF/A-3,
// the EN 16931 CII XML and the CSV. Money is integer cents, rates are basis points (1900 = 19 %).

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
  appendix: InvoiceAppendixEntry[];
}
