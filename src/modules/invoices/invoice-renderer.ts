// The documents of an invoice: the EN 16931 CII XML and the PDF/A-3 that embeds it. Rendering is CPU work;
// the invoice run keeps `concurrency` renders in flight while it commits invoices one after another.
import type { InvoiceDocument } from './invoice-document.ts';

export interface RenderedDocuments {
  pdf: Buffer;
  xml: string;
}

export interface InvoiceRenderer {
  render(document: InvoiceDocument): Promise<RenderedDocuments>;
  /** How many renders the run keeps going ahead of its commits. */
  concurrency: number;
}
