// The documents of an invoice: the EN 16931 CII XML and the PDF/A-3 that embeds it. Rendering is CPU work,
// about 0.1 s a document: with threads, worker threads of documents/render-pool.ts do it, so the event loop
// keeps serving requests during a monthly run and every core renders; they start with the first document
// and end when idle. Without (INVOICE_RENDER_THREADS=0), the calling thread renders.
import { documentRenderer, renderInvoicePdf, renderInvoiceXml } from './documents/index.ts';
import type { InvoiceDocument } from './invoice-document.ts';

export interface RenderedDocuments {
  pdf: Buffer;
  xml: string;
}

export interface InvoiceRenderer {
  render(document: InvoiceDocument): Promise<RenderedDocuments>;
  close(): Promise<void>;
}

export function createInvoiceRenderer({ threads }: { threads: number }): InvoiceRenderer {
  if (threads > 0) return documentRenderer({ threads });
  return {
    async render(document) {
      const xml = await renderInvoiceXml(document);
      return { xml, pdf: await renderInvoicePdf(document, xml) };
    },
    close: async () => {},
  };
}
