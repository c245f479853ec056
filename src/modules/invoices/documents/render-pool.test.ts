// The worker threads render what the caller's thread would: the same XML, a readable PDF with it embedded.
import { describe, expect, it } from 'vitest';
import { typicalDocument } from '../../../../test/helpers/invoice-documents.ts';
import { readPdf } from '../../../../test/helpers/pdf-read.ts';
import { documentRenderer, renderInvoiceXml } from './index.ts';

describe('documentRenderer', () => {
  it('renders documents in worker threads, several at once', async () => {
    const renderer = documentRenderer({ threads: 2 });
    try {
      const docs = ['2026-000201', '2026-000202', '2026-000203'].map((number) => typicalDocument({ number }));
      const rendered = await Promise.all(docs.map((doc) => renderer.render(doc)));
      for (const [index, { xml, pdf }] of rendered.entries()) {
        const doc = docs[index];
        if (!doc) throw new Error('one result per document');
        expect(xml).toBe(await renderInvoiceXml(doc));
        expect(Buffer.isBuffer(pdf)).toBe(true);
        const read = await readPdf(pdf);
        expect(read.text).toContain(`Rechnung ${doc.number}`);
        expect(Buffer.from(read.attachments['factur-x.xml']?.content ?? []).toString('utf8')).toBe(xml);
      }
    } finally {
      await renderer.close();
    }
  }, 60_000);
});
