// The appendix CSV as a spreadsheet of the document's language opens it, and the exact decimal helpers.
import { describe, expect, it } from 'vitest';
import { typicalDocument } from '../../../../test/helpers/invoice-documents.ts';
import { basisPointsToPercent, centsToDecimal } from './format.ts';
import { formatCsv, renderUsageCsv } from './index.ts';

describe('renderUsageCsv', () => {
  it('writes German with semicolons, decimal commas and a byte-order mark', () => {
    const csv = renderUsageCsv(typicalDocument());
    expect(csv.startsWith('\uFEFFBenutzernummer;Name;Dienstcode;Dienst;Menge;Netto\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(21);
    expect(rows[1]).toBe('001;Anna Berger;ADDR;Adressauskunft;10;14,90');
    expect(rows[2]).toBe('002;Kovács Péter;ADDR;Adressauskunft;9;13,41');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes English with commas and decimal points, Hungarian with semicolons', () => {
    const en = renderUsageCsv(typicalDocument({ language: 'en' }));
    expect(en.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFUser number,Name,Service code,Service,Quantity,Net',
      '001,Anna Berger,ADDR,Adressauskunft,10,14.90',
    ]);
    const hu = renderUsageCsv(typicalDocument({ language: 'hu' }));
    expect(hu.split('\r\n')[0]).toBe(
      '\uFEFFFelhasználószám;Név;Szolgáltatáskód;Szolgáltatás;Mennyiség;Nettó',
    );
  });

  it('quotes separators and quotes, and defuses cells a spreadsheet would run as formulas', () => {
    const doc = typicalDocument();
    const [first, ...rest] = doc.appendix;
    if (!first) throw new Error('the sample has an appendix');
    doc.appendix = [
      { ...first, userName: '=HYPERLINK("http://evil")', description: 'Auskunft; "kurz"' },
      ...rest,
    ];
    const row = renderUsageCsv(doc).split('\r\n')[1];
    expect(row).toBe('001;"\'=HYPERLINK(""http://evil"")";ADDR;"Auskunft; ""kurz""";10;14,90');
    expect(formatCsv('de', ['a'], [['-0,05'], ['-1+1']])).toBe("\uFEFFa\r\n-0,05\r\n'-1+1\r\n");
  });
});

describe('exact decimals', () => {
  it('turns cents and basis points into decimal strings without floating point', () => {
    expect(centsToDecimal(0)).toBe('0.00');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(-5)).toBe('-0.05');
    expect(centsToDecimal(123_456_789_012_345)).toBe('1234567890123.45');
    expect(() => centsToDecimal(0.5)).toThrow();
    expect(basisPointsToPercent(1900)).toBe('19');
    expect(basisPointsToPercent(750)).toBe('7.5');
    expect(basisPointsToPercent(5)).toBe('0.05');
    expect(basisPointsToPercent(0)).toBe('0');
  });
});
