// Invoice documents for the documents' tests and measurements: lines are given, every total is derived
// the way issue 12 bills (net = quantity × unit price, VAT rounded per line, half up), and the appendix
// spreads each line's quantity over users.
import type {
  InvoiceAppendixEntry,
  InvoiceDocument,
  InvoiceDocumentLine,
} from '../../src/modules/invoices/invoice-document.ts';

export const seller: InvoiceDocument['seller'] = {
  name: 'Kontor Online-Dienste GmbH',
  street: 'Friedrichstraße 123',
  postalCode: '10117',
  city: 'Berlin',
  country: 'DE',
  vatId: 'DE123456789',
  taxNumber: '30/123/45678',
  email: 'rechnung@kontor.example',
  legalRegistrationId: 'HRB 98765 B',
};

export const buyer: InvoiceDocument['buyer'] = {
  name: 'Kanzlei Berger & Kovács',
  street: 'Leopoldstraße 7',
  postalCode: '80802',
  city: 'München',
  country: 'DE',
  vatId: 'DE987654321',
  customerNumber: '100042',
};

export interface LineInput {
  serviceCode: string;
  description: string;
  quantity: number;
  unitNetCents: number;
  vatRateBp: number;
  period?: { from: string; to: string } | null;
}

const vatOf = (netCents: number, rateBp: number) => Math.round((netCents * rateBp) / 10_000);

export const users = [
  { userNumber: '001', userName: 'Anna Berger' },
  { userNumber: '002', userName: 'Kovács Péter' },
  { userNumber: '017', userName: 'Dr. Jonas Weiß' },
];

/** `rowsPerLine` appendix rows per line (cycling through numbered users), quantities summing to the line's. */
function appendixOf(lines: InvoiceDocumentLine[], rowsPerLine: number): InvoiceAppendixEntry[] {
  return lines.flatMap((line, lineIndex) => {
    const rows = Math.min(rowsPerLine, line.quantity);
    return Array.from({ length: rows }, (_, index) => {
      const quantity = Math.floor(line.quantity / rows) + (index < line.quantity % rows ? 1 : 0);
      const number = lineIndex * rowsPerLine + index;
      const user = users[number % users.length] ?? users[0];
      return {
        userNumber: number < users.length ? (user?.userNumber ?? '') : String(1000 + number),
        userName: number < users.length ? (user?.userName ?? '') : `Benutzer ${1000 + number}`,
        serviceCode: line.serviceCode,
        description: line.description,
        quantity,
        netCents: quantity * line.unitNetCents,
      };
    });
  });
}

export function documentOf(
  inputs: LineInput[],
  options: Partial<InvoiceDocument> & { rowsPerLine?: number } = {},
): InvoiceDocument {
  const { rowsPerLine = 2, ...overrides } = options;
  const lines: InvoiceDocumentLine[] = inputs.map((input, index) => ({
    position: index + 1,
    unit: 'request',
    ...input,
    netCents: input.quantity * input.unitNetCents,
  }));
  const rates = [...new Set(lines.map((line) => line.vatRateBp))].sort((a, b) => b - a);
  const vatBreakdown = rates.map((vatRateBp) => {
    const ofRate = lines.filter((line) => line.vatRateBp === vatRateBp);
    return {
      vatRateBp,
      netCents: ofRate.reduce((sum, line) => sum + line.netCents, 0),
      vatCents: ofRate.reduce((sum, line) => sum + vatOf(line.netCents, vatRateBp), 0),
    };
  });
  const netCents = lines.reduce((sum, line) => sum + line.netCents, 0);
  const vatCents = vatBreakdown.reduce((sum, entry) => sum + entry.vatCents, 0);
  return {
    kind: 'invoice',
    number: '2026-000123',
    issueDate: '2026-02-04',
    servicePeriod: { from: '2026-01-01', to: '2026-01-31' },
    currency: 'EUR',
    language: 'de',
    seller,
    buyer,
    lines,
    vatBreakdown,
    netCents,
    vatCents,
    grossCents: netCents + vatCents,
    dueDate: '2026-02-18',
    appendix: appendixOf(lines, rowsPerLine),
    ...overrides,
  };
}

export const addressLookup = {
  serviceCode: 'ADDR',
  description: 'Adressauskunft',
  quantity: 37,
  unitNetCents: 149,
  vatRateBp: 1900,
};
export const companyInfo = {
  serviceCode: 'COMPANY',
  description: 'Firmenauskunft mit Handelsregisterauszug',
  quantity: 4,
  unitNetCents: 1290,
  vatRateBp: 1900,
};
export const sms = {
  serviceCode: 'SMS',
  description: 'SMS-Versand',
  quantity: 212,
  unitNetCents: 9,
  vatRateBp: 1900,
};
export const insurerLetter = {
  serviceCode: 'INSURER',
  description: 'Versicherungskorrespondenz (Fachliteratur-Abruf)',
  quantity: 5,
  unitNetCents: 455,
  vatRateBp: 700,
};

/** What most accounts get: 5 lines, 20 appendix rows. */
export function typicalDocument(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return documentOf(
    [
      addressLookup,
      companyInfo,
      sms,
      insurerLetter,
      { ...addressLookup, serviceCode: 'PERSON', description: 'Personenauskunft' },
    ],
    { rowsPerLine: 4, ...overrides },
  );
}

/** A firm with many users: `rows` appendix rows over 5 lines. */
export function largeDocument(rows: number, overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const perLine = Math.ceil(rows / 5);
  const base = typicalDocument();
  const lines = base.lines.map((line) => ({ ...line, quantity: perLine * 3 }));
  return documentOf(lines, { rowsPerLine: perLine, ...overrides });
}
