// The documents of an invoice: the EN 16931 CII XML and the PDF/A-3 that embeds it. Rendering is CPU work;
// the invoice run keeps `concurrency` renders in flight while it commits invoices one after another.
import { renderInvoicePdf, renderInvoiceXml } from './documents/index.ts';
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

/** Renders in the process that runs the invoices; the run keeps two renders going ahead of its commits. */
export function createInvoiceRenderer(): InvoiceRenderer {
  return {
    concurrency: 2,
    async render(document) {
      const xml = await renderInvoiceXml(document);
      return { xml, pdf: await renderInvoicePdf(document, xml) };
    },
  };
}
