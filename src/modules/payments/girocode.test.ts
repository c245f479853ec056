import { describe, expect, it } from 'vitest';
import { typicalDocument } from '../../../test/helpers/invoice-documents.ts';
import { qrOfFirstPage } from '../../../test/helpers/pdf-qr.ts';
import { renderInvoicePdf, renderInvoiceXml } from '../invoices/documents/index.ts';
import { epcPayload } from './girocode.ts';

const transfer = {
  name: 'Kontor Online-Dienste GmbH',
  iban: 'DE02 1203 0000 0000 2020 51',
  bic: 'byladem1001',
  amountCents: 23_965,
  remittance: '2026-000123',
};

describe('the GiroCode (EPC069-12 version 002)', () => {
  it('puts the fields in the order the standard numbers them', () => {
    expect(epcPayload(transfer).split('\n')).toEqual([
      'BCD', // 1 service tag
      '002', // 2 version
      '1', // 3 character set UTF-8
      'SCT', // 4 identification
      'BYLADEM1001', // 5 BIC
      'Kontor Online-Dienste GmbH', // 6 beneficiary name
      'DE02120300000000202051', // 7 IBAN, electronic format
      'EUR239.65', // 8 amount
      '', // 9 purpose
      '', // 10 structured reference
      '2026-000123', // 11 unstructured remittance
    ]);
  });

  it('leaves the BIC empty when none is known, as version 002 allows', () => {
    expect(epcPayload({ ...transfer, bic: null }).split('\n')[4]).toBe('');
  });

  it('keeps the name to 70 characters and one line, and refuses what no banking app would take', () => {
    const payload = epcPayload({ ...transfer, name: `Lange\nFirma ${'x'.repeat(100)}` });
    expect(payload.split('\n')[5]).toHaveLength(70);
    expect(payload.split('\n')[5]).toMatch(/^Lange Firma x/);
    expect(() => epcPayload({ ...transfer, amountCents: 0 })).toThrow(RangeError);
    expect(() => epcPayload({ ...transfer, amountCents: 100_000_000_000 })).toThrow(RangeError);
  });

  it('is printed on the invoice PDF, and a scan of the page reads back the transfer', async () => {
    const doc = typicalDocument({
      bankAccount: { iban: 'DE02 1203 0000 0000 2020 51', bic: 'BYLADEM1001', holder: 'Kontor Zahlungen' },
    });
    const pdf = await renderInvoicePdf(doc, await renderInvoiceXml(doc));
    expect(await qrOfFirstPage(pdf)).toBe(
      [
        'BCD',
        '002',
        '1',
        'SCT',
        'BYLADEM1001',
        'Kontor Zahlungen',
        'DE02120300000000202051',
        'EUR239.65',
        '',
        '',
        '2026-000123',
      ].join('\n'),
    );
  });

  it('is not printed without a bank account', async () => {
    const plain = typicalDocument();
    expect(await qrOfFirstPage(await renderInvoicePdf(plain, await renderInvoiceXml(plain)))).toBeNull();
  });
});
