import { Type } from 'typebox';
import { maxEventsPerCall, maxQuantity } from './batch.service.ts';

export const serviceCodeParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 100, description: 'The service code of the catalogue' }),
});

export const idempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 1,
    maxLength: 200,
    pattern: '^[\\x20-\\x7e]+$',
    description:
      'Required: 1–200 printable ASCII characters, new for every request (a UUID). A retry with the same key ' +
      'returns the first answer and is not charged again.',
  }),
});

export const serviceParameters = Type.Record(Type.String(), Type.Unknown(), {
  description: "The service's parameters as a JSON object, passed to the provider as they are",
});

export const gatewayAnswer = Type.Object({
  service: Type.String(),
  usageEventId: Type.String({ description: 'The usage event this request was charged as' }),
  charged: Type.Object({
    quantity: Type.Integer(),
    unitNetCents: Type.Integer({ description: 'Net price in cents at the moment of the request' }),
    vatRateBp: Type.Integer({ description: 'VAT rate in basis points (1900 = 19 %)' }),
  }),
  answer: Type.Record(Type.String(), Type.Unknown(), {
    description: 'The provider’s answer; the demo adapter’s carries "demo": true and a notice saying so',
  }),
});

export const usageBatch = Type.Object(
  {
    events: Type.Array(Type.Unknown(), {
      description:
        `At most ${maxEventsPerCall} events, each {"idempotencyKey": 1–200 printable ASCII, "serviceCode", ` +
        `"userNumber": 7 digits of this account's user, "quantity": integer 1–${maxQuantity}, "occurredAt": ` +
        'ISO 8601 with offset, "reference"?: up to 200 characters}. Each is checked on its own.',
    }),
  },
  { additionalProperties: false },
);

export const usageBatchResult = Type.Object({
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  refused: Type.Integer(),
  results: Type.Array(
    Type.Object({
      index: Type.Integer({ description: 'Position of the event in the request, from 0' }),
      idempotencyKey: Type.Union([Type.String(), Type.Null()]),
      status: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate'), Type.Literal('refused')]),
      code: Type.Optional(Type.String({ description: 'Why it was refused' })),
      field: Type.Optional(Type.String({ description: 'The field that is wrong (USAGE_EVENT_INVALID)' })),
      message: Type.Optional(Type.String({ description: "The reason in the caller's language" })),
    }),
  ),
});
