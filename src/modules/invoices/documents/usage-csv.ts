// The appendix of an invoice as CSV: one row per user and service, with the net as a number in the
// language's notation (a spreadsheet of that language reads it as a number) and the service's code.
import type { InvoiceDocument } from '../invoice-document.ts';
import { formatCsv } from './csv.ts';
import { centsToDecimal, documentLanguage } from './format.ts';

export function renderUsageCsv(doc: InvoiceDocument): string {
  const { appendix } = documentLanguage(doc.language).texts;
  const decimal = (text: string) => (doc.language === 'en' ? text : text.replace('.', ','));
  return formatCsv(
    doc.language,
    [
      appendix.userNumber,
      appendix.userName,
      appendix.serviceCode,
      appendix.service,
      appendix.quantity,
      appendix.net,
    ],
    doc.appendix.map((entry) => [
      entry.userNumber,
      entry.userName,
      entry.serviceCode,
      entry.description,
      decimal(String(entry.quantity)),
      decimal(centsToDecimal(entry.netCents)),
    ]),
  );
}
