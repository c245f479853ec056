import { Type } from 'typebox';
import {
  pinMaxLength,
  type SecurityQuestion,
  securityQuestions,
} from '../../shared/caller-identification.ts';
import { id, linkToken, password } from '../auth/auth.schemas.ts';

const state = Type.Union([
  Type.Literal('sent'),
  Type.Literal('opened'),
  Type.Literal('expired'),
  Type.Literal('accepted'),
  Type.Literal('revoked'),
]);
const nullableString = Type.Union([Type.String(), Type.Null()]);

/** One of the shared module's question keys (a union TypeBox cannot type when built from the list). */
export const securityQuestion = Type.Unsafe<SecurityQuestion>(
  Type.Union(securityQuestions.map((key) => Type.Literal(key))),
);

export const activationCheck = Type.Object({
  state: Type.Union(
    [Type.Literal('valid'), Type.Literal('accepted'), Type.Literal('expired'), Type.Literal('revoked')],
    { description: 'valid: the form can be shown; otherwise what happened to the link' },
  ),
  askWhom: Type.Union([Type.Literal('admins'), Type.Literal('provider')], {
    description: "whom to ask for a new link: the account's admins, or the provider for a main user",
  }),
  accountName: Type.String(),
  admins: Type.Array(
    Type.Object({
      salutation: nullableString,
      title: nullableString,
      firstName: Type.String(),
      lastName: Type.String(),
      email: nullableString,
    }),
  ),
  user: Type.Union([
    Type.Object({
      firstName: Type.String(),
      lastName: Type.String(),
      username: Type.String(),
      email: nullableString,
      userNumber: Type.String(),
    }),
    Type.Null(),
  ]),
});

export const activationBody = Type.Object(
  {
    token: linkToken,
    password,
    // Format and rules are the shared module's (PIN_* codes under the field), not the schema's.
    pin: Type.String({ maxLength: pinMaxLength * 4 }),
    securityQuestion,
    securityAnswer: Type.String({ maxLength: 400 }),
  },
  { additionalProperties: false },
);

export const activationList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      user: Type.Object({
        id: Type.String(),
        userNumber: Type.String(),
        title: nullableString,
        firstName: Type.String(),
        lastName: Type.String(),
        email: nullableString,
      }),
      state,
      sentAt: Type.String(),
      openedAt: nullableString,
      expiresAt: Type.String(),
      acceptedAt: nullableString,
      revokedAt: nullableString,
      canResend: Type.Boolean({ description: "the user's newest link, and the user is still pending" }),
    }),
  ),
});

export const resent = Type.Object({ sentTo: Type.String(), expiresAt: Type.String() });

export const accountParams = Type.Object({ accountId: id });
export const userParams = Type.Object({
  accountId: id,
  userId: id,
});
