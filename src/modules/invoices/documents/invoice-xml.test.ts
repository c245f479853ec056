// The EN 16931 CII XML of invoices and credit notes, checked by the standard's own validation (every
// failed-assert fails the test) and read for the values the rules cannot know.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { en16931Dir, failedAsserts } from '../../../../test/helpers/en16931.ts';
import {
  addressLookup,
  companyInfo,
  documentOf,
  insurerLetter,
  seller,
  typicalDocument,
} from '../../../../test/helpers/invoice-documents.ts';
import { InvoiceDocumentError, renderInvoiceXml } from './index.ts';

const example = (name: string) => fs.readFileSync(path.join(en16931Dir, name), 'utf8');
/** The text of every element named `name` (the library writes one element per line). */
const values = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, 'g'))].map((match) => match[1]);
const ids = (asserts: { id: string }[]) => asserts.map((assert) => assert.id);

beforeAll(() => failedAsserts(example('example-valid.xml')), 300_000);

describe('the official EN 16931 validation', () => {
  it('passes the standard’s example and fails the same with a wrong amount due on BR-CO-16', async () => {
    expect(await failedAsserts(example('example-valid.xml'))).toEqual([]);
    const invalid = await failedAsserts(example('example-invalid-BR-CO-16.xml'));
    expect(ids(invalid)).toEqual(['BR-CO-16']);
    expect(invalid[0]?.text).toContain('Amount due for payment (BT-115)');
    expect(invalid[0]?.location).toContain('SpecifiedTradeSettlementHeaderMonetarySummation');
  });
});

describe('renderInvoiceXml', () => {
  it('writes an invoice with one rate as Factur-X EN 16931 CII with exact amounts', async () => {
    const doc = documentOf([addressLookup, companyInfo]);
    const xml = await renderInvoiceXml(doc);
    expect(await failedAsserts(xml)).toEqual([]);
    expect(xml).toContain('<rsm:CrossIndustryInvoice');
    expect(values(xml, 'ram:ID')).toContain('urn:cen.eu:en16931:2017');
    expect(values(xml, 'ram:TypeCode')[0]).toBe('380');
    expect(values(xml, 'ram:ID')).toContain('2026-000123');
    // 37 × 1,49 € + 4 × 12,90 € = 106,73 €; VAT per line 10,47 € + 9,80 € = 20,27 €
    expect(values(xml, 'ram:LineTotalAmount')).toEqual(['55.13', '51.60', '106.73']);
    expect(values(xml, 'ram:CalculatedAmount')).toEqual(['20.27']);
    expect(values(xml, 'ram:GrandTotalAmount')).toEqual(['127.00']);
    expect(values(xml, 'ram:DuePayableAmount')).toEqual(['127.00']);
    expect(values(xml, 'udt:DateTimeString')).toEqual(['20260204', '20260101', '20260131', '20260218']);
    expect(values(xml, 'ram:SellerAssignedID')).toEqual(['ADDR', 'COMPANY']);
    expect(xml).toContain('<ram:ID schemeID="VA">DE123456789</ram:ID>');
    expect(xml).toContain('<ram:ID schemeID="FC">30/123/45678</ram:ID>');
  });

  it('breaks VAT down per rate: 19 % and 7 %', async () => {
    const xml = await renderInvoiceXml(documentOf([addressLookup, insurerLetter, companyInfo]));
    expect(await failedAsserts(xml)).toEqual([]);
    expect(values(xml, 'ram:RateApplicablePercent')).toEqual(['19', '7', '19', '19', '7']);
    expect(values(xml, 'ram:BasisAmount')).toEqual(['106.73', '22.75']);
    expect(values(xml, 'ram:CalculatedAmount')).toEqual(['20.27', '1.59']);
    expect(values(xml, 'ram:GrandTotalAmount')).toEqual(['151.34']);
  });

  it('writes a 0 % line as zero-rated, or as exempt with its reason', async () => {
    const free = {
      serviceCode: 'FREE',
      description: 'Testabfrage',
      quantity: 5,
      unitNetCents: 0,
      vatRateBp: 0,
    };
    const postage = {
      serviceCode: 'POST',
      description: 'Porto',
      quantity: 2,
      unitNetCents: 85,
      vatRateBp: 0,
    };
    const zero = await renderInvoiceXml(documentOf([addressLookup, free]));
    expect(await failedAsserts(zero)).toEqual([]);
    expect(values(zero, 'ram:CategoryCode')).toEqual(['S', 'Z', 'S', 'Z']);

    const doc = documentOf([addressLookup, postage]);
    const reason = 'Steuerfrei nach § 4 Nr. 11b UStG';
    doc.vatBreakdown = doc.vatBreakdown.map((entry) =>
      entry.vatRateBp === 0 ? { ...entry, exemptionReason: reason } : entry,
    );
    const exempt = await renderInvoiceXml(doc);
    expect(await failedAsserts(exempt)).toEqual([]);
    expect(values(exempt, 'ram:CategoryCode')).toEqual(['S', 'E', 'S', 'E']);
    expect(values(exempt, 'ram:ExemptionReason')).toEqual([reason]);
  });

  it('gives a late line the dates of its own month', async () => {
    const late = { ...addressLookup, quantity: 3, period: { from: '2025-12-01', to: '2025-12-31' } };
    const xml = await renderInvoiceXml(documentOf([addressLookup, late]));
    expect(await failedAsserts(xml)).toEqual([]);
    const [onTimeItem, lateItem] = xml
      .split('<ram:IncludedSupplyChainTradeLineItem>')
      .slice(1)
      .map((item) => item.split('</ram:IncludedSupplyChainTradeLineItem>')[0] ?? '');
    expect(values(onTimeItem ?? '', 'udt:DateTimeString')).toEqual([]);
    expect(values(lateItem ?? '', 'udt:DateTimeString')).toEqual(['20251201', '20251231']);
  });

  it('writes a credit note as type 381 naming the invoice it corrects (BG-3), payable as a refund', async () => {
    const doc = documentOf([companyInfo], {
      kind: 'credit_note',
      number: 'G-2026-000007',
      correctsNumber: '2026-000123',
      dueDate: null,
    });
    const xml = await renderInvoiceXml(doc);
    expect(await failedAsserts(xml)).toEqual([]);
    expect(values(xml, 'ram:TypeCode')[0]).toBe('381');
    expect(xml).toMatch(
      /<ram:InvoiceReferencedDocument>\s*<ram:IssuerAssignedID>2026-000123<\/ram:IssuerAssignedID>/,
    );
    expect(values(xml, 'ram:Description')).toEqual(['Der Betrag wird Ihnen erstattet.']);
  });

  it('rounds VAT per line: three lines of 3 cents at 19 % owe 3 cents, not the 2 of the sum', async () => {
    const tiny = {
      serviceCode: 'PING',
      description: 'Statusabfrage',
      quantity: 1,
      unitNetCents: 3,
      vatRateBp: 1900,
    };
    const doc = documentOf([tiny, { ...tiny, serviceCode: 'PING2' }, { ...tiny, serviceCode: 'PING3' }]);
    expect(doc.vatCents).toBe(3);
    const xml = await renderInvoiceXml(doc);
    expect(await failedAsserts(xml)).toEqual([]);
    expect(values(xml, 'ram:CalculatedAmount')).toEqual(['0.03']);
    expect(values(xml, 'ram:GrandTotalAmount')).toEqual(['0.12']);
  });

  it('converts cents to decimals exactly, also where floating point would drift', async () => {
    // Integer arithmetic, not euros as floats: 0.10 + 0.20 stays 0.30, 10.05 stays 10.05, 13 digits stay exact.
    const lines = [
      { serviceCode: 'A', description: 'A', quantity: 1, unitNetCents: 10, vatRateBp: 1900 },
      { serviceCode: 'B', description: 'B', quantity: 1, unitNetCents: 20, vatRateBp: 1900 },
      { serviceCode: 'C', description: 'C', quantity: 1, unitNetCents: 1005, vatRateBp: 1900 },
      { serviceCode: 'D', description: 'D', quantity: 7, unitNetCents: 1_428_571_428_571, vatRateBp: 1900 },
    ];
    const xml = await renderInvoiceXml(documentOf(lines));
    expect(await failedAsserts(xml)).toEqual([]);
    expect(values(xml, 'ram:LineTotalAmount')).toEqual([
      '0.10',
      '0.20',
      '10.05',
      '99999999999.97',
      '100000000010.32',
    ]);
  });

  it('names the seller by its commercial register entry when it has only a tax number', async () => {
    const doc = documentOf([addressLookup], { seller: { ...seller, vatId: null }, dueDate: null });
    const xml = await renderInvoiceXml(doc);
    expect(await failedAsserts(xml)).toEqual([]);
    expect(xml).toContain('<ram:ID schemeID="FC">30/123/45678</ram:ID>');
    expect(values(xml, 'ram:ID')).toContain('HRB 98765 B');
    expect(values(xml, 'ram:Description')).toEqual(['Zahlbar sofort ohne Abzug.']);
  });

  it('writes the bank account for a SEPA credit transfer, in English and Hungarian too', async () => {
    for (const language of ['en', 'hu'] as const) {
      const doc = typicalDocument({
        language,
        bankAccount: { iban: 'DE02 1203 0000 0000 2020 51', bic: 'BYLADEM1001' },
      });
      const xml = await renderInvoiceXml(doc);
      expect(await failedAsserts(xml)).toEqual([]);
      expect(values(xml, 'ram:TypeCode')).toContain('58');
      expect(values(xml, 'ram:IBANID')).toEqual(['DE02120300000000202051']);
    }
  });

  it('refuses a document whose totals do not add up, or whose seller EN 16931 cannot identify', async () => {
    const doc = typicalDocument();
    await expect(renderInvoiceXml({ ...doc, grossCents: doc.grossCents + 1 })).rejects.toThrow(
      InvoiceDocumentError,
    );
    await expect(renderInvoiceXml({ ...doc, vatBreakdown: doc.vatBreakdown.slice(1) })).rejects.toThrow(
      /breakdown/,
    );
    await expect(
      renderInvoiceXml({ ...doc, seller: { ...seller, vatId: null, legalRegistrationId: null } }),
    ).rejects.toThrow(/BR-CO-26/);
    await expect(renderInvoiceXml({ ...doc, kind: 'credit_note', correctsNumber: null })).rejects.toThrow(
      /corrects/,
    );
  });
});
