import { Type } from 'typebox';
import { id } from '../auth/auth.schemas.ts';

const status = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('mailbox'),
]);

const summaryProperties = {
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  status,
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
};

export const mailboxListQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);

export const mailboxList = Type.Object({
  items: Type.Array(Type.Object(summaryProperties)),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  delivery: Type.Union([Type.Literal('mailbox'), Type.Literal('smtp')], {
    description: 'mailbox: no SMTP server configured, e-mails are kept here; smtp: this is the outbox',
  }),
});

export const mailboxMessage = Type.Object({
  ...summaryProperties,
  text: Type.String(),
  html: Type.Union([Type.String(), Type.Null()]),
});

export const messageParams = Type.Object({ id: id });
