import { Type } from 'typebox';
import { password } from '../auth/auth.schemas.ts';

/** Six digits from the app; spaces allowed, as apps show "123 456". */
export const totpCode = Type.String({ minLength: 6, maxLength: 12, pattern: '^[\\d\\s]+$' });
export const recoveryCode = Type.String({ minLength: 1, maxLength: 40 });
export const challengeToken = Type.String({ minLength: 1, maxLength: 128 });

export const twoFactorStatus = Type.Object({
  enabled: Type.Boolean(),
  recoveryCodesLeft: Type.Integer(),
  /** An account the user belongs to asks everyone for a second factor: it cannot be turned off. */
  requiredByAccount: Type.Boolean(),
});

export const enrolment = Type.Object({
  /** Base32, for typing into the app by hand. */
  secret: Type.String(),
  otpauthUri: Type.String(),
  /** The URI as a QR code, a PNG data URL. */
  qrCode: Type.String(),
});

export const recoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

export const codeBody = Type.Object({ code: totpCode }, { additionalProperties: false });
export const passwordBody = Type.Object({ currentPassword: password }, { additionalProperties: false });

/** The answer to a correct password when a second step must follow (no session yet). */
export const challengeResponse = Type.Object({
  status: Type.Literal('two-factor-required'),
  /** Send it back with the code; valid 5 minutes, once. */
  challenge: Type.String(),
  /** code: ask for the app's code; enrol: the account demands a second factor, set it up first. */
  step: Type.Union([Type.Literal('code'), Type.Literal('enrol')]),
  expiresAt: Type.String(),
});

/** The second step: the app's code, or one of the recovery codes. */
export const challengeBody = Type.Object(
  { challenge: challengeToken, code: Type.Optional(totpCode), recoveryCode: Type.Optional(recoveryCode) },
  { additionalProperties: false },
);
export const challengeOnlyBody = Type.Object({ challenge: challengeToken }, { additionalProperties: false });
export const challengeConfirmBody = Type.Object(
  { challenge: challengeToken, code: totpCode },
  { additionalProperties: false },
);

export const policy = Type.Object({ required: Type.Boolean() }, { additionalProperties: false });
