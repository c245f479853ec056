// P4: reading a bank statement, ISO 20022 camt.053 (001.02 and later), with fast-xml-parser. Only what the
// matching needs is kept: per booked entry its amount, direction, dates, the bank's reference, the debtor and
// the remittance information. A batch entry with several transactions that carry their own amounts becomes
// one entry per transaction, so each can be matched on its own.
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../shared/app-error.ts';
import { isCalendarDay } from '../../shared/days.ts';
import { bankStatementErrors } from './bank-statement.errors.ts';

export interface CamtEntry {
  /** The bank's reference (AcctSvcrRef, with the account) or a digest of the entry's identifying fields. */
  entryKey: string;
  amountCents: number;
  currency: string;
  credit: boolean;
  /** BOOK, PDNG or INFO: only booked entries are money on the account. */
  status: string;
  bookedOn: string;
  /** The value date, or the booking date when the bank gives none. */
  valueDate: string;
  debtorName: string | null;
  debtorIban: string | null;
  endToEndId: string | null;
  /** The unstructured remittance lines (Ustrd), as the bank split them. */
  remittanceLines: string[];
}

export interface CamtStatement {
  /** camt.053.001.02, camt.053.001.08, … */
  version: string;
  messageId: string;
  statementIds: string[];
  accountIban: string | null;
  entries: CamtEntry[];
}

const namespacePrefix = 'urn:iso:std:iso:20022:tech:xsd:camt.053.';
const repeated = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Keep every value a string: references like "000123" and amounts must not turn into numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => repeated.has(name),
});

type Node = Record<string, unknown>;
const invalid = (reason: string) =>
  new AppError(bankStatementErrors.BANK_STATEMENT_INVALID, { params: { reason } });

const node = (value: unknown): Node | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined;
const list = (value: unknown): Node[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((item: unknown) => {
    const found = node(item);
    return found ? [found] : [];
  });
/** The text of an element (with or without attributes), or null. */
const text = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() || null;
  const inner = node(value)?.['#text'];
  return typeof inner === 'string' ? inner.trim() || null : null;
};
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((current, key) => node(current)?.[key], value);

/** Dt, or the day of DtTm (the bank's local day, as written). */
function dayOf(value: unknown, field: string): string | null {
  const day = text(at(value, 'Dt')) ?? text(at(value, 'DtTm'))?.slice(0, 10) ?? null;
  if (day !== null && !isCalendarDay(day)) throw invalid(field);
  return day;
}

/** "1234.5" → 123450; at most two decimals, as euro amounts have. */
function centsOf(value: string | null, field: string): number {
  const match = value ? /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(value) : null;
  if (!match) throw invalid(field);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Later versions wrap the party in Pty and the status in Cd. */
const partyName = (party: unknown) => text(at(party, 'Nm')) ?? text(at(party, 'Pty', 'Nm'));
const statusOf = (entry: Node) => text(entry.Sts) ?? text(at(entry, 'Sts', 'Cd')) ?? 'BOOK';

function amountOf(amount: unknown, field: string) {
  const currency = node(amount)?.['@Ccy'];
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) throw invalid(field);
  return { amountCents: centsOf(text(amount), field), currency };
}

/** The transaction's own amount: TxDtls/Amt (001.08 on) or TxDtls/AmtDtls/TxAmt/Amt. */
const transactionAmount = (transaction: Node) =>
  transaction.Amt ??
  at(transaction, 'AmtDtls', 'TxAmt', 'Amt') ??
  at(transaction, 'AmtDtls', 'InstdAmt', 'Amt');

const digest = (parts: unknown[]) =>
  `sha256:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;

export function parseCamt053(xml: string): CamtStatement {
  if (XMLValidator.validate(xml) !== true) throw invalid('xml');
  let document: Node | undefined;
  try {
    document = node(parser.parse(xml).Document);
  } catch {
    throw invalid('xml');
  }
  // The parser drops xmlns attributes along with prefixes: read the document's namespace from its start tag.
  const namespace = /<(?:[\w.-]+:)?Document\b[^>]*?\sxmlns(?::[\w.-]+)?="([^"]+)"/.exec(xml)?.[1];
  const root = node(document?.BkToCstmrStmt);
  if (!root || typeof namespace !== 'string' || !namespace.startsWith(namespacePrefix))
    throw invalid('camt053');
  const messageId = text(at(root, 'GrpHdr', 'MsgId'));
  const statements = list(root.Stmt);
  if (!messageId || statements.length === 0) throw invalid('camt053');

  const entries: CamtEntry[] = [];
  // Two identical entries without a bank reference in one file are two payments: count them apart.
  const seen = new Map<string, number>();
  const statementIds: string[] = [];
  let accountIban: string | null = null;
  for (const statement of statements) {
    const statementId = text(statement.Id);
    if (!statementId) throw invalid('Stmt/Id');
    statementIds.push(statementId);
    const iban = text(at(statement, 'Acct', 'Id', 'IBAN'));
    accountIban ??= iban;
    for (const [position, entry] of list(statement.Ntry).entries()) {
      const field = `Ntry ${position + 1}`;
      const total = amountOf(entry.Amt, `${field}/Amt`);
      const indicator = text(entry.CdtDbtInd);
      if (indicator !== 'CRDT' && indicator !== 'DBIT') throw invalid(`${field}/CdtDbtInd`);
      const bookedOn = dayOf(entry.BookgDt, `${field}/BookgDt`);
      const valueDate = dayOf(entry.ValDt, `${field}/ValDt`) ?? bookedOn;
      if (!bookedOn || !valueDate) throw invalid(`${field}/BookgDt`);
      const reference = text(entry.AcctSvcrRef);
      const transactions = list(entry.NtryDtls).flatMap((details) => list(details.TxDtls));
      const split =
        transactions.length > 1 && transactions.every((tx) => transactionAmount(tx) !== undefined);
      const parts = split ? transactions : [transactions[0] ?? {}];
      for (const [index, transaction] of parts.entries()) {
        const amount = split ? amountOf(transactionAmount(transaction), `${field}/TxDtls/Amt`) : total;
        const parties = node(transaction.RltdPties) ?? {};
        const endToEndId = text(at(transaction, 'Refs', 'EndToEndId'));
        const remittanceLines = list(at(transaction, 'RmtInf'))
          .flatMap((info) => (Array.isArray(info.Ustrd) ? info.Ustrd : []))
          .map(text)
          .filter((line): line is string => line !== null);
        const debtorIban =
          text(at(parties, 'DbtrAcct', 'Id', 'IBAN'))
            ?.replace(/\s+/g, '')
            .toUpperCase() ?? null;
        const identity = {
          amountCents: amount.amountCents,
          currency: amount.currency,
          credit: indicator === 'CRDT',
          status: statusOf(entry),
          bookedOn,
          valueDate,
          debtorName: partyName(parties.Dbtr) ?? partyName(parties.UltmtDbtr),
          debtorIban,
          endToEndId: endToEndId === 'NOTPROVIDED' ? null : endToEndId,
          remittanceLines,
        };
        let entryKey: string;
        if (reference) entryKey = `${iban ?? ''}/${reference}${split ? `/${index + 1}` : ''}`;
        else {
          const base = digest([iban, ...Object.values(identity).flat()]);
          const occurrence = (seen.get(base) ?? 0) + 1;
          seen.set(base, occurrence);
          entryKey = occurrence === 1 ? base : `${base}#${occurrence}`;
        }
        entries.push({ entryKey, ...identity });
      }
    }
  }
  return {
    version: namespace.slice('urn:iso:std:iso:20022:tech:xsd:'.length),
    messageId,
    statementIds,
    accountIban,
    entries,
  };
}

/** Invoice numbers named in the remittance, in order, without credit notes ("G-2026-000001"). */
export function invoiceNumbersIn(entry: Pick<CamtEntry, 'remittanceLines' | 'endToEndId'>): string[] {
  // Banks cut the remittance into lines of 35 characters, sometimes inside a number: read it joined too.
  const texts = [
    [...entry.remittanceLines, entry.endToEndId ?? ''].join(' '),
    entry.remittanceLines.join(''),
  ];
  const numbers: string[] = [];
  for (const value of texts)
    for (const match of value.matchAll(/(?<!\d)(?<!\d-)(?<![Gg]-)(\d{4}-\d{6})(?!\d)/g))
      if (!numbers.includes(match[1] as string)) numbers.push(match[1] as string);
  return numbers;
}

/** What the operator reads as the remittance: the lines, and the end-to-end id when it says something. */
export const remittanceOf = (entry: Pick<CamtEntry, 'remittanceLines' | 'endToEndId'>) =>
  [entry.remittanceLines.join(' '), entry.endToEndId].filter(Boolean).join(' · ').slice(0, 500) || null;
