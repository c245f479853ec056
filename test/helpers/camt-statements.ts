// Tests only: camt.053 bank statements as banks send them (camt.053.001.02 by default, the structure of the
// German DFÜ agreement: GrpHdr, Stmt with Acct/Id/IBAN, Ntry with Amt@Ccy, CdtDbtInd, Sts, BookgDt, ValDt,
// AcctSvcrRef, BkTxCd, NtryDtls/TxDtls with Refs/EndToEndId, RltdPties, RmtInf/Ustrd). Built with
// fast-xml-parser's builder, so names with "&" or "<" are escaped as a bank would.
import { XMLBuilder } from 'fast-xml-parser';

export interface TestCredit {
  amount: string;
  currency?: string;
  debit?: boolean;
  /** BOOK unless said. */
  status?: string;
  bookedOn?: string;
  valueDate?: string;
  /** The bank's reference; null to leave it out. */
  reference?: string | null;
  debtorName?: string;
  debtorIban?: string;
  endToEndId?: string;
  remittance?: string[];
}

export interface TestStatement {
  messageId?: string;
  statementId?: string;
  iban?: string;
  /** '02' (default) or '08': 001.08 wraps the status in Cd and the parties in Pty. */
  version?: '02' | '08';
  entries: TestCredit[];
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  suppressEmptyNode: true,
});

let counter = 0;

export function camt053(statement: TestStatement): string {
  const version = statement.version ?? '02';
  const newer = version !== '02';
  const iban = statement.iban ?? 'DE02120300000000202051';
  counter += 1;
  const entries = statement.entries.map((entry, index) => {
    const bookedOn = entry.bookedOn ?? '2026-01-12';
    const debit = entry.debit ?? false;
    const party = (name: string | undefined) =>
      name === undefined ? undefined : newer ? { Pty: { Nm: name } } : { Nm: name };
    return {
      Amt: { '@Ccy': entry.currency ?? 'EUR', '#text': entry.amount },
      CdtDbtInd: debit ? 'DBIT' : 'CRDT',
      Sts: newer ? { Cd: entry.status ?? 'BOOK' } : (entry.status ?? 'BOOK'),
      BookgDt: { Dt: bookedOn },
      ValDt: { Dt: entry.valueDate ?? bookedOn },
      AcctSvcrRef: entry.reference === null ? undefined : (entry.reference ?? `REF-${counter}-${index + 1}`),
      BkTxCd: {
        Domn: { Cd: 'PMNT', Fmly: { Cd: debit ? 'ICDT' : 'RCDT', SubFmlyCd: debit ? 'ESCT' : 'ESCT' } },
        Prtry: { Cd: debit ? 'NTRF+116' : 'NTRF+166', Issr: 'DK' },
      },
      NtryDtls: {
        TxDtls: {
          Refs: { EndToEndId: entry.endToEndId ?? 'NOTPROVIDED' },
          AmtDtls: { TxAmt: { Amt: { '@Ccy': entry.currency ?? 'EUR', '#text': entry.amount } } },
          RltdPties: debit
            ? { Cdtr: party(entry.debtorName) }
            : {
                Dbtr: party(entry.debtorName),
                DbtrAcct: entry.debtorIban ? { Id: { IBAN: entry.debtorIban } } : undefined,
              },
          RmtInf: entry.remittance ? { Ustrd: entry.remittance } : undefined,
        },
      },
    };
  });
  const document = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    Document: {
      '@xmlns': `urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}`,
      '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      BkToCstmrStmt: {
        GrpHdr: {
          MsgId: statement.messageId ?? `CAMT053-TEST-${counter}`,
          CreDtTm: '2026-01-12T18:00:00+01:00',
        },
        Stmt: {
          Id: statement.statementId ?? `STMT-2026-${counter}`,
          ElctrncSeqNb: String(counter),
          CreDtTm: '2026-01-12T18:00:00+01:00',
          Acct: {
            Id: { IBAN: iban },
            Ccy: 'EUR',
            Svcr: { FinInstnId: { BIC: 'BYLADEM1001' } },
          },
          Bal: [
            {
              Tp: { CdOrPrtry: { Cd: 'PRCD' } },
              Amt: { '@Ccy': 'EUR', '#text': '1000.00' },
              CdtDbtInd: 'CRDT',
              Dt: { Dt: '2026-01-11' },
            },
          ],
          Ntry: entries,
        },
      },
    },
  };
  return builder.build(document);
}

/** The file as the upload route takes it. */
export const asUpload = (xml: string) => ({
  data: Buffer.from(xml, 'utf8').toString('base64'),
  fileName: 'statement.xml',
});
