import { Type } from 'typebox';
import { id, line } from '../auth/auth.schemas.ts';
import { allowedContentTypes, maxAttachmentBase64, maxAttachments } from './attachments.ts';

export const supportState = Type.Enum(['open', 'waiting_for_customer', 'closed']);

const attachmentInput = Type.Object(
  {
    filename: Type.String({ minLength: 1, maxLength: 1000 }),
    contentType: Type.Enum([...allowedContentTypes]),
    /** base64, at most 5 MiB decoded */
    data: Type.String({ minLength: 1, maxLength: maxAttachmentBase64 }),
  },
  { additionalProperties: false },
);

const attachments = Type.Optional(Type.Array(attachmentInput, { maxItems: maxAttachments }));
const text = Type.String({ minLength: 1, maxLength: 20_000 });

export const openBody = Type.Object(
  { subject: line(200), text, attachments },
  { additionalProperties: false },
);
export const replyBody = Type.Object({ text, attachments }, { additionalProperties: false });
export const answerBody = Type.Object(
  {
    text,
    attachments,
    /** What the answer leaves the request in; waiting for the customer unless said otherwise. */
    state: Type.Optional(supportState),
  },
  { additionalProperties: false },
);
export const stateBody = Type.Object({ state: supportState }, { additionalProperties: false });

export const requestParams = Type.Object({ accountId: id, requestId: id });
export const attachmentParams = Type.Object({ accountId: id, requestId: id, attachmentId: id });
export const operatorRequestParams = Type.Object({ requestId: id });
export const operatorAttachmentParams = Type.Object({ requestId: id, attachmentId: id });

export const requestSummary = Type.Object({
  id: Type.String(),
  /** "K-000123", also in e-mail subjects as "[#K-000123]" */
  reference: Type.String(),
  subject: Type.String(),
  state: supportState,
  requesterName: Type.String(),
  createdAt: Type.String(),
  lastActivityAt: Type.String(),
});

const attachment = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
});

const message = Type.Object({
  id: Type.String(),
  authorKind: Type.Enum(['member', 'contact', 'operator']),
  authorName: Type.String(),
  body: Type.String(),
  via: Type.Enum(['web', 'email']),
  createdAt: Type.String(),
  attachments: Type.Array(attachment),
});

export const requestList = Type.Object({ items: Type.Array(requestSummary) });
export const requestThread = Type.Object({
  ...requestSummary.properties,
  requesterEmail: Type.String(),
  messages: Type.Array(message),
});

export const inboxQuery = Type.Object(
  {
    state: Type.Optional(supportState),
    /** An account id or a customer number */
    account: Type.Optional(line(64, 0)),
    /** Only requests without activity for more than this many days */
    olderThanDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
  },
  { additionalProperties: false },
);

const inboxAccount = Type.Object({
  id: Type.String(),
  name: Type.String(),
  customerNumber: Type.String(),
  status: Type.String(),
});

export const inboxPage = Type.Object({
  items: Type.Array(Type.Object({ ...requestSummary.properties, account: inboxAccount })),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const operatorThread = Type.Object({ ...requestThread.properties, account: inboxAccount });
