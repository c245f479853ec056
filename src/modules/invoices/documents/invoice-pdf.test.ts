// Every PDF read back with PDF.js: what a person reads on it (number, dates, lines, totals, the per-user
// appendix, page numbers), the embedded factur-x.xml, and the PDF/A-3b and Factur-X identification.
import { beforeAll, describe, expect, it } from 'vitest';
import { failedAsserts } from '../../../../test/helpers/en16931.ts';
import {
  addressLookup,
  companyInfo,
  documentOf,
  insurerLetter,
  largeDocument,
  typicalDocument,
} from '../../../../test/helpers/invoice-documents.ts';
import { type ReadPdf, readPdf } from '../../../../test/helpers/pdf-read.ts';
import type { InvoiceDocument } from '../invoice-document.ts';
import { renderInvoicePdf, renderInvoiceXml } from './index.ts';

async function rendered(doc: InvoiceDocument): Promise<{ xml: string; pdf: ReadPdf }> {
  const xml = await renderInvoiceXml(doc);
  return { xml, pdf: await readPdf(await renderInvoicePdf(doc, xml)) };
}

describe('renderInvoicePdf', () => {
  let typical: { xml: string; pdf: ReadPdf };
  beforeAll(async () => {
    typical = await rendered(typicalDocument());
  });

  it('shows the §14 UStG facts of a German invoice', () => {
    const { text } = typical.pdf;
    for (const expected of [
      'Rechnung 2026-000123',
      'Rechnungsnummer 2026-000123',
      'Ausstellungsdatum 04.02.2026',
      'Leistungszeitraum 01.01.2026 – 31.01.2026',
      'Kundennummer 100042',
      'Fällig am 18.02.2026',
      'Kontor Online-Dienste GmbH Friedrichstraße 123 10117 Berlin Deutschland',
      'USt-IdNr. DE123456789 Steuernummer 30/123/45678',
      'Kanzlei Berger & Kovács Leopoldstraße 7 80802 München Deutschland USt-IdNr. DE987654321',
      '1 Adressauskunft 37 1,49 € 19 % 55,13 €',
      '4 Versicherungskorrespondenz (Fachliteratur-Abruf) 5 4,55 € 7 % 22,75 €',
      'Summe netto 203,69 €',
      'Netto 19 % 180,94 € Umsatzsteuer 19 % 34,37 €',
      'Netto 7 % 22,75 € Umsatzsteuer 7 % 1,59 €',
      'Umsatzsteuer gesamt 35,96 € Gesamtbetrag 239,65 €',
      'Zahlbar ohne Abzug bis 18.02.2026.',
      'Seite 1 von 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('lists the usage per user and service in the appendix', () => {
    const { text } = typical.pdf;
    expect(text).toContain('Anhang: Nutzung je Benutzer und Dienst');
    expect(text).toContain('Benutzernummer Name Dienst Menge Netto');
    expect(text).toContain('001 Anna Berger Adressauskunft 10 14,90 €');
    expect(text).toContain('002 Kovács Péter Adressauskunft 9 13,41 €');
    expect(text).toContain('017 Dr. Jonas Weiß Adressauskunft 9 13,41 €');
    expect(text).toContain('1008 Benutzer 1008 SMS-Versand 53 4,77 €');
    expect(text).toContain('Summe 203,69 €');
  });

  it('embeds the XML as factur-x.xml, related as its alternative', async () => {
    const file = typical.pdf.attachments['factur-x.xml'];
    expect(Object.keys(typical.pdf.attachments)).toEqual(['factur-x.xml']);
    expect(file?.filename).toBe('factur-x.xml');
    const embedded = Buffer.from(file?.content ?? []).toString('utf8');
    expect(embedded).toBe(typical.xml);
    expect(await failedAsserts(embedded)).toEqual([]);
    const { raw } = typical.pdf;
    expect(raw).toMatch(/\/AFRelationship \/Alternative/);
    expect(raw).toMatch(/\/Subtype \/text#2Fxml/);
    expect(raw).toMatch(/\/AF \[\d+ 0 R\]/);
  }, 300_000); // the first validation on a machine compiles the EN 16931 stylesheet

  it('identifies itself as PDF/A-3b and Factur-X EN 16931 in its XMP metadata', () => {
    const { xmp, info, raw } = typical.pdf;
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(xmp).toContain('<fx:DocumentType>INVOICE</fx:DocumentType>');
    expect(xmp).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>');
    expect(xmp).toContain('<fx:Version>1.0</fx:Version>');
    expect(xmp).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
    expect(xmp).toContain(
      '<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>',
    );
    expect(info.Title).toBe('Rechnung 2026-000123');
    expect(raw).toContain('/OutputIntents');
  });

  it('embeds its fonts and uses none of the standard 14', () => {
    const { raw } = typical.pdf;
    expect(raw.match(/\/FontFile2/g)).toHaveLength(2);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSansCondensed\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSansCondensed-Bold\b/);
    expect(raw).not.toMatch(/\/Subtype \/Type1/);
    expect(raw).not.toMatch(/Helvetica|Times-Roman|Courier/);
  });

  it('shows a late line with the dates of its own month', async () => {
    const late = { ...addressLookup, quantity: 3, period: { from: '2025-12-01', to: '2025-12-31' } };
    const { pdf } = await rendered(documentOf([companyInfo, late]));
    expect(pdf.text).toContain(
      '2 Adressauskunft 3 1,49 € 19 % 4,47 € Nachträglich erfasst, Leistungszeitraum 01.12.2025 – 31.12.2025',
    );
  });

  it('writes a credit note in Hungarian, naming the corrected invoice', async () => {
    const doc = documentOf([companyInfo, insurerLetter], {
      language: 'hu',
      kind: 'credit_note',
      number: 'G-2026-000007',
      correctsNumber: '2026-000123',
      dueDate: null,
    });
    const { pdf } = await rendered(doc);
    for (const expected of [
      'Jóváíró számla G-2026-000007',
      'Jóváíró számla száma G-2026-000007',
      'Kiállítás dátuma 2026. febr. 4.',
      'Teljesítési időszak 2026. jan. 1. – 2026. jan. 31.',
      'Helyesbített számla 2026-000123',
      'Németország',
      'Közösségi adószám DE123456789',
      'Nettó 7% 22,75 EUR ÁFA 7% 1,59 EUR',
      'Bruttó végösszeg 85,74 EUR',
      'Az összeget visszatérítjük Önnek.',
      'Melléklet: felhasználás felhasználónként és szolgáltatásonként',
      '1. oldal / 1',
    ]) {
      expect(pdf.text).toContain(expected);
    }
  });

  it('writes an English invoice with its bank account', async () => {
    const doc = typicalDocument({
      language: 'en',
      bankAccount: { iban: 'DE02 1203 0000 0000 2020 51', bic: 'BYLADEM1001', holder: null },
    });
    const { pdf } = await rendered(doc);
    for (const expected of [
      'Invoice 2026-000123',
      'Issue date 4 Feb 2026',
      'Service period 1 Jan 2026 – 31 Jan 2026',
      'Germany',
      'Total amount €239.65',
      'Payable without deduction by 18 Feb 2026.',
      'Bank account: IBAN DE02 1203 0000 0000 2020 51 · BIC BYLADEM1001',
      'Payment reference: 2026-000123',
      'GiroCode: scan it with your banking app to fill in the transfer.',
      'Appendix: usage per user and service',
      '001 Anna Berger Adressauskunft 10 €14.90',
      'Page 1 of 2',
    ]) {
      expect(pdf.text).toContain(expected);
    }
  });

  it('shows a character its font lacks as �, never as the .notdef glyph PDF/A forbids', async () => {
    const doc = typicalDocument();
    const [first, ...rest] = doc.appendix;
    if (!first) throw new Error('the sample has an appendix');
    doc.appendix = [{ ...first, userName: '李 Wei' }, ...rest];
    const { pdf } = await rendered(doc);
    expect(pdf.text).toContain('001 \uFFFD Wei Adressauskunft 10 14,90 €');
  });

  it('runs a 2,000-row appendix over numbered pages with every row readable', async () => {
    const doc = largeDocument(2000);
    expect(doc.appendix).toHaveLength(2000);
    const { pdf } = await rendered(doc);
    const pages = pdf.pages.length;
    expect(pages).toBeGreaterThan(25);
    pdf.pages.forEach((text, index) => {
      expect(text).toContain(`Seite ${index + 1} von ${pages}`);
      // Each page after the first repeats the appendix's header.
      if (index > 0) expect(text.startsWith('Benutzernummer Name Dienst Menge Netto')).toBe(true);
    });
    const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
    for (const entry of doc.appendix) {
      const start = pdf.text.indexOf(
        ` ${entry.userNumber} ${entry.userName} ${entry.description.slice(0, 12)}`,
      );
      expect(start, entry.userNumber).toBeGreaterThan(0);
      const row = pdf.text.slice(start, start + 120);
      expect(row).toContain(` ${entry.quantity} ${euro.format(entry.netCents / 100).replace(/\s/g, ' ')}`);
    }
    expect(pdf.text).toContain('Summe netto 24.624,00 €');
    expect(pdf.text).toContain('Summe 24.624,00 €');
  }, 120_000);
});
