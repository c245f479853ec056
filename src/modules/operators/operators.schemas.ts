import { Type } from 'typebox';
import { passwordMaxLength } from '../../shared/passwords.ts';

const locale = Type.Union([Type.Literal('de'), Type.Literal('en'), Type.Literal('hu')]);
const email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
// The schema bounds the raw input (4 bytes per character at most) so huge bodies never reach argon2;
// the exact rule on normalized characters lives in the service.
const password = Type.String({ minLength: 1, maxLength: passwordMaxLength * 4 });
const setupToken = Type.String({ minLength: 1, maxLength: 128 });

export const operator = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  locale,
});

export const operatorResponse = Type.Object({ operator });

export const setupCheckBody = Type.Object({ token: setupToken }, { additionalProperties: false });

export const setupBody = Type.Object(
  {
    token: setupToken,
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001f]*$' }),
    email,
    password,
    locale,
  },
  { additionalProperties: false },
);

export const signInBody = Type.Object({ email, password }, { additionalProperties: false });
