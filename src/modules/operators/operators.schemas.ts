import { Type } from 'typebox';
import { operatorRoles } from '../../shared/operator-roles.ts';
import { passwordMaxLength } from '../../shared/passwords.ts';

const locale = Type.Union([Type.Literal('de'), Type.Literal('en'), Type.Literal('hu')]);
const email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
// The schema bounds the raw input (4 bytes per character at most) so huge bodies never reach argon2;
// the exact rule on normalized characters lives in the service.
const password = Type.String({ minLength: 1, maxLength: passwordMaxLength * 4 });
const setupToken = Type.String({ minLength: 1, maxLength: 128 });
const name = Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001f]*$' });

export const operatorRole = Type.Union([
  Type.Literal('admin'),
  Type.Literal('support'),
  Type.Literal('billing'),
  Type.Literal('auditor'),
]) satisfies { anyOf: { const: (typeof operatorRoles)[number] }[] };
/** At least one role, each once. */
export const rolesBody = Type.Object(
  { roles: Type.Array(operatorRole, { minItems: 1, maxItems: operatorRoles.length, uniqueItems: true }) },
  { additionalProperties: false },
);

export const operator = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  locale,
  roles: Type.Array(operatorRole),
});

export const operatorResponse = Type.Object({ operator });

export const setupCheckBody = Type.Object({ token: setupToken }, { additionalProperties: false });

export const setupBody = Type.Object(
  {
    token: setupToken,
    name,
    email,
    password,
    locale,
  },
  { additionalProperties: false },
);

export const invitationBody = Type.Object(
  { name, email, locale, roles: rolesBody.properties.roles },
  { additionalProperties: false },
);

export const staffMember = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  locale,
  roles: Type.Array(operatorRole),
  status: Type.Union([Type.Literal('invited'), Type.Literal('active'), Type.Literal('disabled')]),
  twoFactor: Type.Boolean({ description: 'Whether the operator signs in with a second factor' }),
  createdAt: Type.String({ format: 'date-time' }),
});

export const signInBody = Type.Object({ email, password }, { additionalProperties: false });
