import { Type } from 'typebox';
import { email, id, line } from '../auth/auth.schemas.ts';

export const domainContactKind = Type.Enum(['person', 'organisation']);

/** C4: registrant data. Every field is one line (no CR/LF: registries take them into their own records). */
export const domainContactBody = Type.Object(
  {
    kind: domainContactKind,
    /** Required for an organisation; ignored (stored empty) for a person. */
    organisation: Type.Optional(Type.Union([line(200, 0), Type.Null()])),
    firstName: line(100),
    lastName: line(100),
    street: line(200),
    postalCode: line(20),
    city: line(100),
    /** ISO 3166-1 alpha-2; "de" is taken as "DE". */
    country: Type.String({ minLength: 2, maxLength: 2, pattern: '^[A-Za-z]{2}$' }),
    /** International (+49 30 1234567) or national with the country's conventions (030 1234567). */
    phone: line(40),
    email,
  },
  { additionalProperties: false },
);

export const domainContact = Type.Object({
  id: Type.String(),
  kind: domainContactKind,
  organisation: Type.Union([Type.String(), Type.Null()]),
  firstName: Type.String(),
  lastName: Type.String(),
  street: Type.String(),
  postalCode: Type.String(),
  city: Type.String(),
  country: Type.String(),
  /** E.164, "+36301234567". */
  phone: Type.String(),
  /** The same number as people write it internationally, "+36 30 123 4567". */
  phoneFormatted: Type.String(),
  email: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const domainContactList = Type.Object({ items: Type.Array(domainContact) });

export const domainContactParams = Type.Object({ accountId: id, domainContactId: id });
