// The documents of an invoice: the EN 16931 CII XML and the PDF/A-3 that embeds it. Rendering is CPU work,
// about 20 ms a document: with threads, the worker threads of documents/render-pool.ts do it, so the event
// loop keeps serving requests during a monthly run and every core renders. Without (INVOICE_RENDER_THREADS=0),
// the calling thread renders.
import {
  type DocumentRenderer,
  documentRenderer,
  type RenderedDocument,
  renderInvoicePdf,
  renderInvoiceXml,
} from './documents/index.ts';

export type InvoiceRenderer = DocumentRenderer;
export type RenderedDocuments = RenderedDocument;

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
