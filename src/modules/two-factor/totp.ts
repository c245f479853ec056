// The authenticator app's codes (RFC 6238 through otpauth: SHA-1, 6 digits, 30 seconds, what every app
// reads from a QR code) and the one-time recovery codes. No clock of its own: callers pass the time.
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { hashToken } from '../../shared/tokens.ts';

const period = 30;
/** One step either side: a phone's clock a little off, or a code typed just as it changed. */
const window = 1;

const totp = (secret: string, issuer = '', label = '') =>
  new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period });

/** 160 random bits, base32: the size RFC 4226 recommends for SHA-1. */
export const generateSecret = (): string => new Secret({ size: 20 }).base32;

/** What the app scans: the otpauth:// URI and its QR code as a PNG data URL. */
export async function enrolmentOf(secret: string, issuer: string, label: string) {
  const otpauthUri = totp(secret, issuer, label).toString();
  return { secret, otpauthUri, qrCode: await QRCode.toDataURL(otpauthUri, { margin: 2, width: 224 }) };
}

/** The time step a code belongs to (within ±1 of now), or null for a wrong code. */
export function stepOfCode(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = now.getTime();
  const delta = totp(secret).validate({ token, timestamp, window });
  return delta === null ? null : TOTP.counter({ period, timestamp }) + delta;
}

export const recoveryCodeCount = 10;

// Ten characters without look-alikes (no 0/O, 1/l/I): about 50 random bits, far beyond guessing in 5 tries.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** "k7m2q-x9tpa": shown once, stored as SHA-256 only (random enough that no slow hash is needed). */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Case, spaces and the dash do not matter when a person types a recovery code. */
export const hashRecoveryCode = (code: string): string =>
  hashToken(`recovery:${code.toLowerCase().replace(/[\s-]/g, '')}`);
