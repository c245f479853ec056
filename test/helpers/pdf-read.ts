// A PDF read back with a real parser (PDF.js through unpdf): the text of each page with runs of white space
// as one space, the embedded files, the XMP packet, and the raw bytes for what PDF.js does not expose
// (AFRelationship, font dictionaries), which pdfkit writes uncompressed.
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

export interface ReadPdf {
  pages: string[];
  /** All pages, joined by a space. */
  text: string;
  attachments: Record<string, { filename: string; content: Uint8Array }>;
  xmp: string;
  info: Record<string, unknown>;
  raw: string;
}

const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

export async function readPdf(pdf: Buffer): Promise<ReadPdf> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: false });
  const { info, metadata } = await getMeta(document);
  const attachments = (await document.getAttachments()) ?? {};
  const pages = text.map(spaced);
  return {
    pages,
    text: pages.join(' '),
    attachments,
    xmp: String(metadata?.getRaw() ?? ''),
    info,
    raw: pdf.toString('latin1'),
  };
}
