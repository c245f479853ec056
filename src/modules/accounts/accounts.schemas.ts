import { Type } from 'typebox';
import { email, line, locale, password, salutation } from '../auth/auth.schemas.ts';

export const registrationBody = Type.Object(
  {
    companyName: line(200),
    salutation: Type.Optional(Type.Union([salutation, Type.Null()])),
    title: Type.Optional(line(50, 0)),
    firstName: line(100),
    lastName: line(100),
    username: line(100),
    email,
    password,
    locale,
  },
  { additionalProperties: false },
);

export const confirmation = Type.Object({ customerNumber: Type.String() });
