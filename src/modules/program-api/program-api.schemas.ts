import { Type } from 'typebox';
import { permission } from '../auth/auth.schemas.ts';
import { serviceUnits } from '../catalogue/index.ts';

const nullableString = Type.Union([Type.String(), Type.Null()]);

export const programMe = Type.Object({
  userNumber: Type.String(),
  username: Type.String({
    description: 'The online user name; the program writes it into its own user administration',
  }),
  title: nullableString,
  firstName: Type.String(),
  lastName: Type.String(),
  email: nullableString,
  isAdmin: Type.Boolean({ description: 'Owner or admin of the account (shown in bold in the program)' }),
  account: Type.Object({ customerNumber: Type.String(), companyName: Type.String() }),
  permissions: Type.Array(permission, { description: "The user's permissions in the account" }),
  services: Type.Array(
    Type.Object({
      code: Type.String({ description: 'What the program names the service by: "address-lookup"' }),
      name: Type.String({
        description: "The name in the caller's language (user, account, Accept-Language)",
      }),
      names: Type.Object({ de: Type.String(), en: Type.String(), hu: Type.String() }),
      unit: Type.Enum(serviceUnits),
      netCents: Type.Integer({ description: 'Net price of one unit now, in cents' }),
      vatRateBp: Type.Integer({ description: 'VAT rate in basis points: 1900 is 19 %' }),
    }),
    {
      description:
        'The online services this user may use now (subscribed for the whole account or for this user, with a price); empty without "services.use"',
    },
  ),
});

const programUserProperties = {
  username: Type.String(),
  title: nullableString,
  firstName: Type.String(),
  lastName: Type.String(),
  email: nullableString,
  disabled: Type.Boolean(),
  isAdmin: Type.Boolean(),
};

export const programUserList = Type.Object({
  items: Type.Array(Type.Object({ userNumber: Type.String(), ...programUserProperties })),
});

export const userNumberParams = Type.Object({
  userNumber: Type.String({ pattern: '^\\d{7}$', description: 'The 7-digit user number' }),
});

export const issuedAccessKey = Type.Object({
  customerNumber: Type.String(),
  userNumber: Type.String(),
  username: Type.String(),
  accessKey: Type.String({ description: 'Shown this once; the user’s previous key no longer works' }),
});

export const changesQuery = Type.Object(
  {
    since: Type.Optional(
      Type.String({
        maxLength: 64,
        description: 'The `next` of the previous page; omitted for everything from the start',
      }),
    ),
  },
  { additionalProperties: false },
);

export const changesPage = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Type.Union([
        Type.Literal('created'),
        Type.Literal('changed'),
        Type.Literal('deleted'),
        Type.Literal('reassigned'),
      ]),
      userNumber: Type.String(),
      at: Type.String({ format: 'date-time' }),
      user: Type.Union([Type.Object(programUserProperties), Type.Null()], {
        description: 'The user as they are now; null once deleted',
      }),
    }),
  ),
  next: Type.String({
    description: 'Opaque cursor: pass it as `since` next time (also when `more` is false)',
  }),
  more: Type.Boolean({ description: 'More changes wait: ask again with `next` at once' }),
});

export const portalLink = Type.Object({
  url: Type.String({ description: 'Open in the browser within 60 seconds; works once' }),
  expiresAt: Type.String({ format: 'date-time' }),
});
