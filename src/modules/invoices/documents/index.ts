// The documents of an invoice or credit note, rendered from an InvoiceDocument without database or HTTP:
// the EN 16931 CII XML, the PDF/A-3b with that XML embedded, and the appendix as CSV.

export { assertConsistent, InvoiceDocumentError } from './consistency.ts';
export { csvCell, csvSeparator, formatCsv } from './csv.ts';
export { centsToDecimal } from './format.ts';
export { renderInvoicePdf } from './invoice-pdf.ts';
export { renderInvoiceXml } from './invoice-xml.ts';
export { facturXFileName } from './pdf-metadata.ts';
export { renderUsageCsv } from './usage-csv.ts';
