// What every output of a document relies on, checked before anything is rendered: the totals add up, each
// line's rate has its VAT breakdown, a credit note names its invoice, and the seller can be identified as
// EN 16931 requires. A failure is a bug or a configuration gap, never the customer's input, so it throws.
import type { InvoiceDocument } from '../invoice-document.ts';

export class InvoiceDocumentError extends Error {
  override name = 'InvoiceDocumentError';
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export function assertConsistent(doc: InvoiceDocument): void {
  const fail = (reason: string) => {
    throw new InvoiceDocumentError(`${doc.kind} ${doc.number}: ${reason}`);
  };
  if (doc.lines.length === 0) fail('has no lines');
  if (doc.kind === 'credit_note' && !doc.correctsNumber) fail('a credit note names the invoice it corrects');
  if (!doc.seller.vatId && !doc.seller.legalRegistrationId) {
    fail('the seller needs a VAT id or a commercial register entry (EN 16931 BR-CO-26)');
  }
  const rates = new Set(doc.vatBreakdown.map((entry) => entry.vatRateBp));
  if (rates.size !== doc.vatBreakdown.length) fail('the VAT breakdown names a rate twice');
  for (const entry of doc.vatBreakdown) {
    const net = sum(
      doc.lines.filter((line) => line.vatRateBp === entry.vatRateBp).map((line) => line.netCents),
    );
    if (net !== entry.netCents)
      fail(`the net at ${entry.vatRateBp} bp is ${entry.netCents}, its lines sum to ${net}`);
    if (entry.vatRateBp === 0 && entry.vatCents !== 0) fail('a 0 % rate has VAT');
  }
  for (const line of doc.lines) {
    if (!rates.has(line.vatRateBp)) fail(`line ${line.position} has a rate without VAT breakdown`);
  }
  if (sum(doc.lines.map((line) => line.netCents)) !== doc.netCents)
    fail('the net total is not the sum of the lines');
  if (sum(doc.vatBreakdown.map((entry) => entry.vatCents)) !== doc.vatCents) {
    fail('the VAT total is not the sum of the breakdown');
  }
  if (doc.netCents + doc.vatCents !== doc.grossCents) fail('gross is not net plus VAT');
}
