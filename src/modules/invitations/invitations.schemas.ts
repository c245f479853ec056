import { Type } from 'typebox';
import {
  categories,
  email,
  id,
  line,
  locale,
  password,
  permission,
  salutation,
} from '../auth/auth.schemas.ts';

export const invitation = Type.Object({
  id: Type.String(),
  email: Type.String(),
  permissions: Type.Array(permission),
  categories,
  state: Type.Enum(['sent', 'opened', 'expired', 'accepted', 'revoked']),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  openedAt: Type.Union([Type.String(), Type.Null()]),
  acceptedAt: Type.Union([Type.String(), Type.Null()]),
});

export const invitationList = Type.Object({ items: Type.Array(invitation) });

/** Permission names are checked by the service, so an unknown one is named in the refusal. */
export const inviteBody = Type.Object(
  {
    email,
    permissions: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 64 }),
    /** C2: the e-mails the invitee will receive from the account; they can change them later. */
    categories: Type.Optional(categories),
  },
  { additionalProperties: false },
);

export const invitationParams = Type.Object({
  accountId: id,
  invitationId: id,
});

export const invitationToken = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

/** M1: a personal identity for someone without a login; the invitation's address becomes its e-mail. */
export const registrationBody = Type.Object(
  {
    token: invitationToken.properties.token,
    salutation: Type.Optional(Type.Union([salutation, Type.Null()])),
    title: Type.Optional(Type.Union([line(50, 0), Type.Null()])),
    firstName: line(100),
    lastName: line(100),
    password,
    locale: Type.Optional(Type.Union([locale, Type.Null()])),
  },
  { additionalProperties: false },
);

export const invitationPreview = Type.Object({
  companyName: Type.String(),
  customerNumber: Type.String(),
  inviterName: Type.String(),
  email: Type.String(),
  permissions: Type.Array(permission),
  expiresAt: Type.String(),
  /** Whether a Kontor identity with this address exists (then: sign in and accept). */
  hasIdentity: Type.Boolean(),
});

export const guestList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      salutation: Type.Union([salutation, Type.Null()]),
      title: Type.Union([Type.String(), Type.Null()]),
      firstName: Type.String(),
      lastName: Type.String(),
      email: Type.Union([Type.String(), Type.Null()]),
      /** The company whose user the person is; null for a personal identity (a login of no company). */
      homeAccountName: Type.Union([Type.String(), Type.Null()]),
      permissions: Type.Array(permission),
      joinedAt: Type.String(),
    }),
  ),
});

export const guestParams = Type.Object({
  accountId: id,
  userId: id,
});
