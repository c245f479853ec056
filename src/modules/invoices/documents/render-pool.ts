// XML and PDF of many documents at once (the monthly invoice run): each worker thread parses the fonts and
// compiles the invoice schema once, then renders document after document, so every core renders while the
// caller's thread talks to the database.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { InvoiceDocument } from '../invoice-document.ts';

export interface RenderedDocument {
  xml: string;
  pdf: Buffer;
}

export interface DocumentRenderer {
  render(doc: InvoiceDocument): Promise<RenderedDocument>;
  close(): Promise<void>;
}

/** Threads start with the first document and end 30 s after the last one, so an idle Kontor keeps none. */
export function documentRenderer(options: { threads?: number } = {}): DocumentRenderer {
  const threads = options.threads ?? availableParallelism();
  const pool = new Piscina({
    filename: new URL('./render-worker.js', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 30_000,
    execArgv: [], // not the caller's own flags (preloads, profiling)
  });
  return {
    async render(doc) {
      const { xml, pdf } = (await pool.run(doc)) as { xml: string; pdf: Uint8Array };
      return { xml, pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
    },
    close: () => pool.destroy(),
  };
}
