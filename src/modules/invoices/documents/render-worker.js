// Renders one document's XML and PDF in a worker thread of render-pool.ts. Plain JavaScript: worker threads
// start without the TypeScript loader, so this registers it before loading the renderers.
import { register } from 'tsx/esm/api';

register();
const { renderInvoicePdf, renderInvoiceXml } = await import('./index.ts');

export default async function render(doc) {
  const xml = await renderInvoiceXml(doc);
  const pdf = await renderInvoicePdf(doc, xml);
  return { xml, pdf };
}
