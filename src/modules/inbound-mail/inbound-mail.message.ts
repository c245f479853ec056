// Turns a parsed e-mail into the InboundMessage handed to the handler: every field that may later
// reach a header (subject, name, Message-IDs, file names) is cleaned here, HTML becomes plain text
// through sanitize-html, and attachments are bounded in count and size.
import type { ParsedMail } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { safeFilename } from '../../shared/filenames.ts';

export interface InboundAttachment {
  /** No path, no control or direction characters, never empty. */
  filename: string;
  /** As declared by the sender (lower-cased, `application/octet-stream` when unusable); not yet checked against the content. */
  contentType: string;
  size: number;
  content: Buffer;
}

export interface InboundMessage {
  /** MAIL FROM, lower-cased; never empty (the null sender is ignored before this). */
  envelopeFrom: string;
  /** The one From mailbox: address lower-cased, name as given (may be empty). */
  from: { address: string; name: string };
  /** The accepted support addresses of RCPT TO, lower-cased. */
  to: string[];
  /** Without CR/LF or other control characters. */
  subject: string;
  /** `<id@host>` or null; the same on an MTA's retry, so a handler can drop a duplicate. */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Plain text: the text part, or the HTML part reduced to text when there is no text part. */
  text: string;
  attachments: InboundAttachment[];
  /** Attachments left out for the count or size limits. */
  droppedAttachments: number;
}

export const maxAttachments = 5;
const maxReferences = 50;

export interface MessageLimits {
  maxAttachmentBytes: number;
  maxTotalBytes: number;
}

/** Why a message cannot be accepted (a 5xx at the end of DATA), or null. */
export function malformedReason(parsed: ParsedMail): string | null {
  const fromHeaders = parsed.headerLines.filter((header) => header.key === 'from').length;
  if (fromHeaders === 0) return 'the message has no From header';
  if (fromHeaders > 1) return 'the message has more than one From header';
  const mailboxes = parsed.from?.value ?? [];
  if (mailboxes.length !== 1) return 'From must name exactly one mailbox';
  if (!isAddress(mailboxes[0]?.address ?? '')) return 'From has no usable address';
  return null;
}

export function toInboundMessage(
  parsed: ParsedMail,
  envelope: { from: string; to: string[] },
  limits: MessageLimits,
): InboundMessage {
  const mailbox = parsed.from?.value[0];
  const attachments: InboundAttachment[] = [];
  let total = 0;
  for (const attachment of parsed.attachments) {
    const size = attachment.content.length;
    if (attachments.length >= maxAttachments || size > limits.maxAttachmentBytes) continue;
    if (total + size > limits.maxTotalBytes) continue;
    total += size;
    attachments.push({
      filename: safeFilename(attachment.filename),
      contentType: safeContentType(attachment.contentType),
      size,
      content: attachment.content,
    });
  }
  return {
    envelopeFrom: envelope.from,
    from: { address: (mailbox?.address ?? '').toLowerCase(), name: oneLine(mailbox?.name ?? '') },
    to: envelope.to,
    subject: oneLine(parsed.subject ?? ''),
    messageId: messageIds(parsed.messageId)[0] ?? null,
    inReplyTo: messageIds(parsed.inReplyTo)[0] ?? null,
    references: messageIds(parsed.references).slice(-maxReferences),
    text: plainText(parsed),
    attachments,
    droppedAttachments: parsed.attachments.length - attachments.length,
  };
}

function isAddress(address: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address);
}

// C0 controls and DEL; PostgreSQL refuses NUL in text, and CR/LF would split a header.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const controls = /[\u0000-\u001f\u007f]/g;

/** One header-safe line: every run of control characters becomes one space. */
export function oneLine(value: string): string {
  return value.replace(controls, ' ').replace(/\s+/g, ' ').trim();
}

function messageIds(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return joined.match(/<[^<>\s]{1,250}>/g) ?? [];
}

function safeContentType(value: string): string {
  const type = value.trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : 'application/octet-stream';
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, keeping tab and line feed
const textControls = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function plainText(parsed: ParsedMail): string {
  const text = typeof parsed.text === 'string' && parsed.text.trim() !== '' ? parsed.text : null;
  const body = text ?? (typeof parsed.html === 'string' ? htmlToText(parsed.html) : '');
  return body
    .replace(/\r\n?/g, '\n')
    .replace(textControls, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const blockTags = [
  'p',
  'div',
  'br',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'hr',
];

/**
 * sanitize-html drops scripts, styles and every attribute and keeps only block tags without
 * attributes, which then become line breaks; the entities it leaves are decoded, as this is text.
 */
export function htmlToText(html: string): string {
  const sanitized = sanitizeHtml(html, {
    allowedTags: blockTags,
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
  });
  return sanitized
    .replace(/<\/?[a-z0-9]+\s*\/?>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
