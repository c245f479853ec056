import { Type } from 'typebox';
import { email, id, line } from '../auth/auth.schemas.ts';

export const credentialRequestState = Type.Enum(['open', 'sent', 'dismissed']);

/** What people type: "4839201-5", "4839 2015", "48392015"; the check digit is the service's to check. */
const customerNumber = Type.String({ minLength: 8, maxLength: 12, pattern: '^\\s*\\d{7}[\\s-]?\\d\\s*$' });

export const requestBody = Type.Object(
  {
    customerNumber,
    name: line(200),
    email,
    // Several lines, but no other control characters.
    message: Type.Optional(
      Type.String({ maxLength: 2000, pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$' }),
    ),
  },
  { additionalProperties: false },
);

/** The same answer whatever the customer number: it tells nobody whether it exists. */
export const receivedResponse = Type.Object({ received: Type.Literal(true) });

export const listQuery = Type.Object(
  { state: Type.Optional(credentialRequestState) },
  { additionalProperties: false },
);
export const requestParams = Type.Object({ requestId: id });

const stringOrNull = Type.Union([Type.String(), Type.Null()]);

export const credentialRequest = Type.Object({
  id: Type.String(),
  accountId: Type.String(),
  customerNumber: Type.String(),
  companyName: Type.String(),
  requesterName: Type.String(),
  requesterEmail: Type.String(),
  requesterIsAdmin: Type.Boolean(),
  via: Type.Enum(['web', 'email']),
  message: stringOrNull,
  state: credentialRequestState,
  createdAt: Type.String(),
  answeredAt: stringOrNull,
});

export const requestList = Type.Object({ items: Type.Array(credentialRequest) });
export const answered = Type.Object({
  request: credentialRequest,
  /** How many admins the links reached (send only). */
  adminsReached: Type.Integer(),
});
