// P2: the EPC QR code ("GiroCode", EPC069-12 v2.1, version 002) a banking app reads to fill in a SEPA credit
// transfer. The payload is twelve lines in a fixed order, joined by LF, at most 331 bytes; version 002 lets
// the BIC be empty inside the EEA. The invoice number goes in as the unstructured remittance.
import QRCode from 'qrcode';

export interface TransferRequest {
  name: string;
  iban: string;
  bic?: string | null;
  amountCents: number;
  /** Unstructured remittance information: the invoice number. */
  remittance: string;
}

const maxBytes = 331;
/** The beneficiary's name is limited to 70 characters, the remittance to 140 (EPC069-12 section 3.4). */
const clip = (value: string, length: number) =>
  [...value.replace(/[\r\n]+/g, ' ').trim()].slice(0, length).join('');

export function epcPayload(request: TransferRequest): string {
  if (request.amountCents < 1 || request.amountCents > 99_999_999_999)
    throw new RangeError('An EPC QR code carries EUR 0.01 to 999999999.99');
  const lines = [
    'BCD', // service tag
    '002', // version
    '1', // character set: UTF-8
    'SCT', // identification: SEPA credit transfer
    (request.bic ?? '').replace(/\s+/g, '').toUpperCase(),
    clip(request.name, 70),
    request.iban.replace(/\s+/g, '').toUpperCase(),
    `EUR${(request.amountCents / 100).toFixed(2)}`,
    '', // purpose code
    '', // structured (RF) reference: not used, the unstructured one carries the invoice number
    clip(request.remittance, 140),
    '', // beneficiary-to-originator information
  ];
  const payload = lines.join('\n').replace(/\n+$/, '');
  if (Buffer.byteLength(payload, 'utf8') > maxBytes) throw new RangeError('EPC QR payload over 331 bytes');
  return payload;
}

/** Error correction level M, as EPC069-12 requires; a PNG for the PDF, an SVG for the portal. */
export const epcQrPng = (payload: string) =>
  QRCode.toBuffer(payload, { errorCorrectionLevel: 'M', margin: 2, scale: 4 });

export const epcQrSvg = (payload: string) =>
  QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
