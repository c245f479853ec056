// The invoice or credit note as PDF/A-3b: seller, buyer and the document's dates, the lines with their VAT,
// the totals per rate, payment, and the appendix per user and service, in the document's language; the
// EN 16931 XML embedded as factur-x.xml ("Alternative": the same invoice in machine-readable form).
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { epcPayload } from '../../payments/girocode.ts';
import type { InvoiceDocument, InvoiceParty } from '../invoice-document.ts';
import { assertConsistent } from './consistency.ts';
import { invoiceFonts } from './fonts.ts';
import { type DocumentLanguage, documentLanguage } from './format.ts';
import { facturXFileName, facturXmp } from './pdf-metadata.ts';
import { page, Sheet, smallSize } from './pdf-sheet.ts';

const lineHeight = 11.5;
const smallLineHeight = 9.5;

const linesColumns = {
  position: page.left + 22,
  description: page.left + 30,
  descriptionWidth: 214,
  quantity: 352,
  unitPrice: 424,
  vatRate: 466,
  net: page.right,
};
const appendixColumns = {
  userNumber: page.left,
  userName: page.left + 88,
  service: 282,
  quantity: 472,
  net: page.right,
};

interface Context {
  doc: InvoiceDocument;
  sheet: Sheet;
  lang: DocumentLanguage;
}

const title = ({ doc, lang }: Pick<Context, 'doc' | 'lang'>) =>
  doc.kind === 'credit_note' ? lang.texts.title.creditNote : lang.texts.title.invoice;

function partyLines(party: InvoiceParty, lang: DocumentLanguage): string[] {
  const { texts } = lang;
  return [
    party.street ?? '',
    [party.postalCode, party.city].filter(Boolean).join(' '),
    lang.country(party.country),
    party.email ?? '',
    party.vatId ? `${texts.vatId} ${party.vatId}` : '',
  ].filter(Boolean);
}

/** Seller at the top right, buyer at the left, the document's numbers and dates beside the buyer. */
function header({ doc, sheet, lang }: Context) {
  const { texts } = lang;
  const sellerX = 340;
  const sellerWidth = page.right - sellerX;
  let y = page.top;
  sheet.text(doc.seller.name, sellerX, y, { bold: true, width: sellerWidth });
  for (const line of [
    ...partyLines(doc.seller, lang),
    doc.seller.taxNumber ? `${texts.taxNumber} ${doc.seller.taxNumber}` : '',
    doc.seller.legalRegistrationId ? `${texts.registration} ${doc.seller.legalRegistrationId}` : '',
  ].filter(Boolean)) {
    y += smallLineHeight;
    sheet.text(line, sellerX, y, { size: smallSize, width: sellerWidth });
  }

  const top = Math.max(150, y + 30);
  let buyerY = top;
  sheet.text(doc.buyer.name, page.left, buyerY, { bold: true, width: 230 });
  for (const line of partyLines(doc.buyer, lang)) {
    buyerY += lineHeight;
    sheet.text(line, page.left, buyerY, { width: 230 });
  }

  const facts: [string, string][] = [
    [doc.kind === 'credit_note' ? texts.creditNoteNumber : texts.invoiceNumber, doc.number],
    [texts.issueDate, lang.date(doc.issueDate)],
    [texts.servicePeriod, lang.period(doc.servicePeriod)],
    [texts.customerNumber, doc.buyer.customerNumber],
  ];
  if (doc.correctsNumber) facts.push([texts.corrects, doc.correctsNumber]);
  if (doc.dueDate) facts.push([texts.dueDate, lang.date(doc.dueDate)]);
  const factsX = 300;
  let factsY = top;
  for (const [label, value] of facts) {
    const shownLabel = sheet.fit(label, 110);
    sheet.text(shownLabel, factsX, factsY);
    const valueWidth = page.right - factsX - sheet.widthOf(shownLabel) - 8;
    sheet.text(value, page.right, factsY, { alignRight: true, width: valueWidth });
    factsY += lineHeight;
  }

  sheet.y = Math.max(buyerY + lineHeight, factsY) + 24;
  sheet.text(`${title({ doc, lang })} ${doc.number}`, page.left, sheet.y, { bold: true, size: 15 });
  sheet.y += 30;
}

function linesHeader({ sheet, lang }: Context) {
  const { table } = lang.texts;
  const c = linesColumns;
  const y = sheet.y;
  sheet.text(table.position, page.left, y, { bold: true });
  sheet.text(table.description, c.description, y, { bold: true });
  sheet.text(table.quantity, c.quantity, y, { bold: true, alignRight: true });
  sheet.text(table.unitPrice, c.unitPrice, y, { bold: true, alignRight: true });
  sheet.text(table.vatRate, c.vatRate, y, { bold: true, alignRight: true });
  sheet.text(table.net, c.net, y, { bold: true, alignRight: true });
  sheet.rule(y + lineHeight);
  sheet.y = y + lineHeight + 4;
}

function lines(context: Context) {
  const { doc, sheet, lang } = context;
  const c = linesColumns;
  linesHeader(context);
  sheet.repeatOnNewPage(() => linesHeader(context));
  for (const line of doc.lines) {
    const description = sheet.wrap(line.description, c.descriptionWidth);
    const late = line.period
      ? sheet.wrap(
          lang.fill(lang.texts.latePeriod, { period: lang.period(line.period) }),
          c.descriptionWidth,
          {
            size: smallSize,
          },
        )
      : [];
    sheet.ensure(description.length * lineHeight + late.length * smallLineHeight);
    // Written in reading order, so that text extraction and screen readers get the row as it reads.
    const y = sheet.y;
    sheet.text(String(line.position), c.position, y, { alignRight: true });
    sheet.text(description[0] ?? '', c.description, y);
    sheet.text(lang.quantity(line.quantity), c.quantity, y, { alignRight: true });
    sheet.text(lang.money(line.unitNetCents), c.unitPrice, y, { alignRight: true });
    sheet.text(lang.percent(line.vatRateBp), c.vatRate, y, { alignRight: true });
    sheet.text(lang.money(line.netCents), c.net, y, { alignRight: true });
    sheet.y += lineHeight;
    for (const text of description.slice(1)) {
      sheet.text(text, c.description, sheet.y);
      sheet.y += lineHeight;
    }
    for (const text of late) {
      sheet.text(text, c.description, sheet.y, { size: smallSize });
      sheet.y += smallLineHeight;
    }
    sheet.y += 2;
  }
  sheet.repeatOnNewPage(null);
  sheet.rule(sheet.y);
  sheet.y += 6;
}

/** Net per rate, VAT per rate, VAT, gross (§14 (4) Nr. 7 and 8 UStG), then how to pay. */
function totals({ doc, sheet, lang }: Context) {
  const { totals, payment } = lang.texts;
  const labelX = linesColumns.vatRate;
  const rows: [string, string, boolean][] = [[totals.net, lang.money(doc.netCents), false]];
  for (const entry of doc.vatBreakdown) {
    const rate = lang.percent(entry.vatRateBp);
    rows.push([lang.fill(totals.netAtRate, { rate }), lang.money(entry.netCents), false]);
    rows.push([lang.fill(totals.vatAtRate, { rate }), lang.money(entry.vatCents), false]);
  }
  rows.push([totals.vat, lang.money(doc.vatCents), false]);
  rows.push([totals.gross, lang.money(doc.grossCents), true]);
  sheet.ensure(rows.length * lineHeight + 8);
  for (const [label, value, bold] of rows) {
    sheet.text(label, labelX, sheet.y, { alignRight: true, bold });
    sheet.text(value, page.right, sheet.y, { alignRight: true, bold });
    sheet.y += lineHeight;
  }
  sheet.y += 10;

  const notes: string[] = [];
  for (const entry of doc.vatBreakdown) {
    if (entry.vatRateBp === 0 && entry.exemptionReason) {
      notes.push(lang.fill(lang.texts.exempt, { rate: lang.percent(0), reason: entry.exemptionReason }));
    }
  }
  notes.push(
    doc.paymentTerms ??
      (doc.dueDate
        ? lang.fill(payment.due, { date: lang.date(doc.dueDate) })
        : doc.kind === 'credit_note'
          ? payment.refund
          : payment.immediately),
  );
  const account = doc.bankAccount;
  if (account) {
    notes.push(
      [`${payment.bankAccount}: IBAN ${account.iban}`, account.bic && `BIC ${account.bic}`, account.holder]
        .filter(Boolean)
        .join(' · '),
    );
  }
  for (const note of notes) {
    for (const text of sheet.wrap(note, page.right - page.left)) {
      sheet.ensure(lineHeight);
      sheet.text(text, page.left, sheet.y);
      sheet.y += lineHeight;
    }
  }
  if (account && doc.kind === 'invoice' && doc.grossCents > 0) giroCode({ doc, sheet, lang }, account);
}

/** P2: the reference to give, and the EPC QR code (GiroCode) a banking app fills the transfer from. */
function giroCode({ doc, sheet, lang }: Context, account: NonNullable<InvoiceDocument['bankAccount']>) {
  const { payment } = lang.texts;
  const payload = epcPayload({
    name: account.holder || doc.seller.name,
    iban: account.iban,
    bic: account.bic,
    amountCents: doc.grossCents,
    remittance: doc.number,
  });
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const cell = 2.4;
  const size = modules.size * cell;
  sheet.y += 6;
  sheet.ensure(size + lineHeight);
  const top = sheet.y;
  sheet.text(lang.fill(payment.reference, { number: doc.number }), page.left, top, { bold: true });
  const captionX = page.left + size + 16;
  const caption = sheet.wrap(payment.giroCode, page.right - captionX);
  for (const [index, text] of caption.entries()) sheet.text(text, captionX, top + (index + 1.5) * lineHeight);
  const qrTop = top + lineHeight + 2;
  for (let row = 0; row < modules.size; row++)
    for (let column = 0; column < modules.size; column++)
      if (modules.get(row, column)) sheet.doc.rect(page.left + column * cell, qrTop + row * cell, cell, cell);
  sheet.doc.fillColor('black').fill();
  sheet.y = qrTop + size + 6;
}

function appendixHeader({ sheet, lang }: Context) {
  const { appendix } = lang.texts;
  const c = appendixColumns;
  const y = sheet.y;
  sheet.text(appendix.userNumber, c.userNumber, y, { bold: true, width: c.userName - c.userNumber - 6 });
  sheet.text(appendix.userName, c.userName, y, { bold: true });
  sheet.text(appendix.service, c.service, y, { bold: true });
  sheet.text(appendix.quantity, c.quantity, y, { bold: true, alignRight: true });
  sheet.text(appendix.net, c.net, y, { bold: true, alignRight: true });
  sheet.rule(y + lineHeight);
  sheet.y = y + lineHeight + 4;
}

/** Who made which requests: one row per user and service, over as many pages as it takes. */
function appendix(context: Context) {
  const { doc, sheet, lang } = context;
  if (doc.appendix.length === 0) return;
  const c = appendixColumns;
  sheet.y += 16;
  sheet.ensure(5 * lineHeight);
  sheet.text(lang.texts.appendix.title, page.left, sheet.y, { bold: true, size: 11 });
  sheet.y += 20;
  appendixHeader(context);
  sheet.repeatOnNewPage(() => appendixHeader(context));
  let net = 0;
  for (const entry of doc.appendix) {
    sheet.ensure(lineHeight);
    const y = sheet.y;
    sheet.text(entry.userNumber, c.userNumber, y, { width: c.userName - c.userNumber - 6 });
    sheet.text(entry.userName, c.userName, y, { width: c.service - c.userName - 6 });
    sheet.text(entry.description, c.service, y, { width: c.quantity - c.service - 40 });
    sheet.text(lang.quantity(entry.quantity), c.quantity, y, { alignRight: true });
    sheet.text(lang.money(entry.netCents), c.net, y, { alignRight: true });
    sheet.y += lineHeight;
    net += entry.netCents;
  }
  sheet.repeatOnNewPage(null);
  sheet.ensure(lineHeight + 4);
  sheet.rule(sheet.y);
  sheet.y += 4;
  sheet.text(lang.texts.appendix.total, c.service, sheet.y, { bold: true });
  sheet.text(lang.money(net), c.net, sheet.y, { alignRight: true, bold: true });
  sheet.y += lineHeight;
}

function footers(context: Context) {
  const { doc, sheet, lang } = context;
  const y = page.bottom + 22;
  const left = `${title(context)} ${doc.number} · ${doc.buyer.customerNumber}`;
  sheet.footers((pageNumber, pages) => {
    sheet.text(left, page.left, y, { size: smallSize, width: 300 });
    sheet.text(
      lang.fill(lang.texts.page, { page: String(pageNumber), pages: String(pages) }),
      page.right,
      y,
      {
        size: smallSize,
        alignRight: true,
      },
    );
  });
}

// pdfkit writes Title into the XMP packet as it is: no character XML would need to escape.
const xmpSafe = (text: string) => text.replace(/[<>&"']/g, ' ');

/** The document as PDF/A-3b with `xml` (from renderInvoiceXml) embedded as factur-x.xml. */
export function renderInvoicePdf(doc: InvoiceDocument, xml: string): Promise<Buffer> {
  assertConsistent(doc);
  const lang = documentLanguage(doc.language);
  const fonts = invoiceFonts();
  const now = new Date();
  const pdf = new PDFDocument({
    size: 'A4',
    // No standard font: PDF/A embeds its fonts, and pdfkit would parse Helvetica's metrics for every PDF.
    font: '',
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    lang: doc.language,
    bufferPages: true,
    displayTitle: true,
    margins: { top: page.top, bottom: 0, left: page.left, right: page.width - page.right },
    info: { Title: xmpSafe(`${title({ doc, lang })} ${doc.number}`), Creator: 'Kontor', CreationDate: now },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('R', fonts.regular);
  pdf.registerFont('B', fonts.bold);
  const context: Context = { doc, sheet: new Sheet(pdf), lang };
  header(context);
  lines(context);
  totals(context);
  appendix(context);
  footers(context);

  const attachment = {
    name: facturXFileName,
    type: 'text/xml',
    description: `Factur-X EN 16931: ${xmpSafe(doc.number)}`,
    creationDate: now,
    modifiedDate: now,
    relationship: 'Alternative', // pdfkit reads it, its types do not list it
  };
  pdf.file(Buffer.from(xml, 'utf8'), attachment);
  pdf.appendXML(facturXmp);
  pdf.end();
  return done;
}
