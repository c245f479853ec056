import { Type } from 'typebox';
import { email, id, line, locale, permission, salutation } from '../auth/auth.schemas.ts';

export const accountParams = Type.Object({ accountId: id });
export const userParams = Type.Object({
  accountId: id,
  userId: id,
});

const nullable = <T extends ReturnType<typeof line>>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));

/** U3/U4: what an admin may set about a person. Role, status and numbers are not among them (mass assignment). */
const personalProperties = {
  username: line(100),
  salutation: Type.Optional(Type.Union([salutation, Type.Null()])),
  title: nullable(line(50, 0)),
  firstName: line(100),
  lastName: line(100),
  email: Type.Optional(Type.Union([email, Type.Literal(''), Type.Null()])),
  locale: Type.Optional(Type.Union([locale, Type.Null()])),
};

export const personalData = Type.Object(personalProperties, { additionalProperties: false });
export const newUserBody = Type.Object(
  {
    ...personalProperties,
    sendActivation: Type.Optional(
      Type.Boolean({
        description:
          'Send an activation e-mail (48 hours, once) instead of showing the credentials; needs an e-mail address',
      }),
    ),
  },
  { additionalProperties: false },
);
export const personalDataPatch = Type.Partial(personalData, {
  additionalProperties: false,
  minProperties: 1,
});

/** Names are checked by the service, so an unknown one is refused with a message that names it. */
export const permissionsBody = Type.Object(
  { permissions: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 64 }) },
  { additionalProperties: false },
);

export const user = Type.Object({
  id: Type.String(),
  userNumber: Type.String(),
  username: Type.String(),
  salutation: Type.Union([salutation, Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  locale: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  role: Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('member')]),
  isAdmin: Type.Boolean(),
  /** What the user holds in this account: everything for the owner and admins. */
  permissions: Type.Array(permission),
});

export const credentials = Type.Object({
  customerNumber: Type.String(),
  userNumber: Type.String(),
  username: Type.String(),
  accessKey: Type.String({ description: 'Shown this once; only its SHA-256 hash is stored' }),
});

export const userWithCredentials = Type.Object({ user, credentials });
/** POST …/users: the credentials shown once, or where the activation e-mail went. */
export const createdUser = Type.Object({
  user,
  credentials: Type.Optional(credentials),
  activation: Type.Optional(Type.Object({ sentTo: Type.String(), expiresAt: Type.String() })),
});

export const userListQuery = Type.Object(
  {
    q: Type.Optional(line(100, 0)),
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  },
  { additionalProperties: false },
);

export const userList = Type.Object({
  items: Type.Array(user),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  seats: Type.Object({ used: Type.Integer(), limit: Type.Integer() }),
});
