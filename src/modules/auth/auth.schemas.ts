import { Type } from 'typebox';
import { AppError } from '../../shared/app-error.ts';
import { notificationCategories } from '../../shared/notification-categories.ts';
import { passwordMaxLength } from '../../shared/passwords.ts';
import { permissions } from '../../shared/permissions.ts';

export const locale = Type.Union([Type.Literal('de'), Type.Literal('en'), Type.Literal('hu')]);
export const salutation = Type.Union([Type.Literal('ms'), Type.Literal('mr'), Type.Literal('mx')], {
  description: 'ms, mr or mx; e-mails greet formally with it ("Sehr geehrte Frau Dr. Berger,")',
});
/** A name from the permission catalogue. */
export const permission = Type.Enum(permissions);
/** C2: what an e-mail is about, and so who receives it. */
export const category = Type.Enum(notificationCategories);
export const categories = Type.Array(category, {
  maxItems: notificationCategories.length,
  uniqueItems: true,
});
export const email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
// Raw input bound (4 bytes per character at most); the policy counts normalized characters.
export const password = Type.String({ minLength: 1, maxLength: passwordMaxLength * 4 });
export const linkToken = Type.String({ minLength: 1, maxLength: 128 });
export const tokenBody = Type.Object({ token: linkToken }, { additionalProperties: false });
/** One line of text without control characters (no NUL, no CR/LF in anything that may reach a header). */
export const line = (maxLength: number, minLength = 1) =>
  Type.String({ minLength, maxLength, pattern: '^[^\\u0000-\\u001f\\u007f]*$' });

/** An id in a path, query or body: what Kontor's ids are made of, so no control byte reaches a query. */
export const id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });

/** How a person names themselves: e-mail, or customer number + user number (S1). */
const identifierProperties = {
  email: Type.Optional(email),
  customerNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  userNumber: Type.Optional(Type.String({ pattern: '^\\s*\\d{7}\\s*$' })),
};

/** S1: e-mail + password, or customer number + user number + password. */
export const signInBody = Type.Object(
  { ...identifierProperties, password, staySignedIn: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const identifierBody = Type.Object(identifierProperties, { additionalProperties: false });

/** The identifier a body names, or a 400 naming the field that is missing. */
export function identifierOf(
  body: { email?: string; customerNumber?: string; userNumber?: string },
  t: (key: string) => string,
): { email: string } | { customerNumber: string; userNumber: string } {
  const { email, customerNumber, userNumber } = body;
  if (email) return { email };
  if (customerNumber && userNumber) return { customerNumber, userNumber };
  const field = customerNumber ? 'userNumber' : 'email';
  throw new AppError('VALIDATION_FAILED', {
    details: [{ field, code: 'required', message: t('validation.required') }],
  });
}

export const sessionInfo = Type.Object({
  user: Type.Object({
    id: Type.String(),
    userNumber: Type.String(),
    username: Type.String(),
    salutation: Type.Union([salutation, Type.Null()]),
    title: Type.Union([Type.String(), Type.Null()]),
    firstName: Type.String(),
    lastName: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    locale: Type.Union([locale, Type.Null()]),
    /** The customer number the desktop program signs in with; null for a personal identity (M1). */
    homeCustomerNumber: Type.Union([Type.String(), Type.Null()]),
  }),
  account: Type.Object({
    id: Type.String(),
    customerNumber: Type.String(),
    name: Type.String(),
    role: Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('member')]),
    /** What the person may do in this account (M3): the web app shows only that. */
    permissions: Type.Array(permission),
    /** IANA zone (e.g. Europe/Berlin) in which the account's dates are shown. */
    timeZone: Type.String(),
  }),
  memberships: Type.Array(
    Type.Object({
      accountId: Type.String(),
      customerNumber: Type.String(),
      name: Type.String(),
      role: Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('member')]),
    }),
  ),
});

export const sessionList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      createdAt: Type.String(),
      lastSeenAt: Type.String(),
      ipAddress: Type.String(),
      userAgent: Type.String(),
      staySignedIn: Type.Boolean(),
      current: Type.Boolean(),
    }),
  ),
});

export const passwordResetBody = Type.Object({ email }, { additionalProperties: false });
export const passwordResetCompleteBody = Type.Object(
  { token: linkToken, password },
  { additionalProperties: false },
);
export const changeEmailBody = Type.Object(
  { currentPassword: password, newEmail: email },
  { additionalProperties: false },
);
export const changePasswordBody = Type.Object(
  { currentPassword: password, newPassword: password },
  { additionalProperties: false },
);
