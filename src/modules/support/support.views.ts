import type { SupportMessage, SupportRequest } from '../../db/schema.ts';

/** The reference shown to people and used in e-mail subjects: "K-000123". */
export const referenceOf = (number: number) => `K-${String(number).padStart(6, '0')}`;
/** As it stands in a subject, where inbound mail finds it again. */
export const subjectToken = (number: number) => `[#${referenceOf(number)}]`;

export function summary(request: SupportRequest) {
  return {
    id: request.id,
    reference: referenceOf(request.number),
    subject: request.subject,
    state: request.state,
    requesterName: request.requesterName,
    createdAt: request.createdAt,
    lastActivityAt: request.lastActivityAt,
  };
}

interface AttachmentRow {
  id: string;
  messageId: string;
  filename: string;
  contentType: string;
  size: number;
}

export function thread(request: SupportRequest, messages: SupportMessage[], attachments: AttachmentRow[]) {
  return {
    ...summary(request),
    requesterEmail: request.requesterEmail,
    messages: messages.map((message) => ({
      id: message.id,
      authorKind: message.authorKind,
      authorName: message.authorName,
      body: message.body,
      via: message.via,
      createdAt: message.createdAt,
      attachments: attachments
        .filter((attachment) => attachment.messageId === message.id)
        .map(({ id, filename, contentType, size }) => ({ id, filename, contentType, size })),
    })),
  };
}

export function accountView(row: {
  accountId: string;
  accountName: string;
  accountCustomerNumber: string;
  accountStatus: string;
}) {
  return {
    id: row.accountId,
    name: row.accountName,
    customerNumber: row.accountCustomerNumber,
    status: row.accountStatus,
  };
}
