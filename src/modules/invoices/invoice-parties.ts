// Seller and buyer as an invoice names them (§14 (4) Nr. 1 UStG: full name and address of both; Nr. 2 the
// seller's VAT id or tax number), and the InvoiceDocument the PDF, the XML and the CSV render.
import countries from 'i18n-iso-countries';
import type { Invoice } from '../../db/schema.ts';
import type { SellerData } from '../provider/index.ts';
import type { InvoiceDocument, InvoiceParty } from './invoice-document.ts';
import type { Bill } from './invoice-lines.ts';

export type CompleteSeller = InvoiceParty & {
  street: string;
  postalCode: string;
  city: string;
  email: string;
};

/** The seller fields an invoice cannot go without; empty when the seller is complete. */
export function missingSellerFields(seller: SellerData): string[] {
  const missing = (['name', 'street', 'postalCode', 'city', 'country', 'email'] as const).filter(
    (field) => !seller[field],
  ) as string[];
  // §14 UStG would take a tax number instead, but the EN 16931 e-invoice needs the VAT id (BR-CO-26)
  // while the seller has no commercial register entry to give.
  if (!seller.vatId) missing.push('vatId');
  return missing;
}

export const sellerParty = (seller: SellerData): CompleteSeller => ({
  name: seller.name ?? '',
  street: seller.street ?? '',
  postalCode: seller.postalCode ?? '',
  city: seller.city ?? '',
  country: seller.country ?? '',
  vatId: seller.vatId,
  taxNumber: seller.taxNumber,
  email: seller.email ?? '',
});

/** An account's billing country is free text: "DE", "Deutschland", "Hungary"; the seller's when unknown. */
export function countryCode(value: string | null, fallback: string): string {
  const text = value?.trim();
  if (!text) return fallback;
  if (text.length === 2 && countries.isValid(text.toUpperCase())) return text.toUpperCase();
  for (const language of ['de', 'en', 'hu']) {
    const code = countries.getAlpha2Code(text, language);
    if (code) return code;
  }
  return fallback;
}

export interface BillingAccount {
  name: string;
  customerNumber: string;
  billingStreet: string | null;
  billingPostalCode: string | null;
  billingCity: string | null;
  billingCountry: string | null;
  vatId: string | null;
}

export const buyerOf = (account: BillingAccount, sellerCountry: string): InvoiceDocument['buyer'] => ({
  name: account.name,
  customerNumber: account.customerNumber,
  street: account.billingStreet,
  postalCode: account.billingPostalCode,
  city: account.billingCity,
  country: countryCode(account.billingCountry, sellerCountry),
  vatId: account.vatId,
});

/** Seller and buyer as an issued invoice stored them, for its documents and its credit notes. */
export const partiesOfIssued = (invoice: Invoice) => ({
  seller: {
    name: invoice.sellerName,
    street: invoice.sellerStreet,
    postalCode: invoice.sellerPostalCode,
    city: invoice.sellerCity,
    country: invoice.sellerCountry,
    vatId: invoice.sellerVatId,
    taxNumber: invoice.sellerTaxNumber,
    email: invoice.sellerEmail,
  },
  buyer: {
    name: invoice.buyerName,
    customerNumber: invoice.buyerCustomerNumber,
    street: invoice.buyerStreet,
    postalCode: invoice.buyerPostalCode,
    city: invoice.buyerCity,
    country: invoice.buyerCountry,
    vatId: invoice.buyerVatId,
  },
});

export type DocumentHeader = Omit<
  InvoiceDocument,
  'lines' | 'vatBreakdown' | 'netCents' | 'vatCents' | 'grossCents' | 'appendix' | 'currency'
>;

export const documentOf = (header: DocumentHeader, bill: Omit<Bill, 'events'>): InvoiceDocument => ({
  ...header,
  currency: 'EUR',
  lines: bill.lines.map(({ serviceId: _, ...line }) => line),
  vatBreakdown: bill.vatBreakdown,
  netCents: bill.netCents,
  vatCents: bill.vatCents,
  grossCents: bill.grossCents,
  appendix: bill.appendix.map(({ serviceId: _, position: __, ...entry }) => entry),
});

/** The row an issued document is stored as, and back. */
export function invoiceRowOf(
  document: InvoiceDocument,
  ids: { id: string; accountId: string; billingMonth: string; correctsInvoiceId: string | null },
  at: string,
  reason: string | null,
): Invoice {
  const { seller, buyer } = document;
  return {
    id: ids.id,
    accountId: ids.accountId,
    kind: document.kind,
    number: document.number,
    billingMonth: ids.billingMonth,
    issueDate: document.issueDate,
    periodFrom: document.servicePeriod.from,
    periodTo: document.servicePeriod.to,
    dueDate: document.dueDate ?? null,
    language: document.language,
    buyerName: buyer.name,
    buyerCustomerNumber: buyer.customerNumber,
    buyerStreet: buyer.street,
    buyerPostalCode: buyer.postalCode,
    buyerCity: buyer.city,
    buyerCountry: buyer.country,
    buyerVatId: buyer.vatId,
    sellerName: seller.name,
    sellerStreet: seller.street ?? '',
    sellerPostalCode: seller.postalCode ?? '',
    sellerCity: seller.city ?? '',
    sellerCountry: seller.country,
    sellerVatId: seller.vatId,
    sellerTaxNumber: seller.taxNumber ?? null,
    sellerEmail: seller.email ?? '',
    netCents: document.netCents,
    vatCents: document.vatCents,
    grossCents: document.grossCents,
    vatBreakdown: JSON.stringify(document.vatBreakdown),
    correctsInvoiceId: ids.correctsInvoiceId,
    reason,
    status: 'issued',
    createdAt: at,
    finalizedAt: at,
    payeeIban: document.bankAccount?.iban ?? null,
    payeeBic: document.bankAccount?.bic ?? null,
    payeeHolder: document.bankAccount?.holder ?? null,
  };
}
