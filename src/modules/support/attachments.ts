// Attachments arrive as base64 in JSON. Each is bounded in size, its bytes must be one of a short list of
// kinds and match the type it claims, and its name loses any path and control characters. They are kept in
// the database and served only as downloads (Content-Disposition: attachment, nosniff).
import { AppError } from '../../shared/app-error.ts';
import { safeFilename } from '../../shared/filenames.ts';
import { supportErrors } from './support.errors.ts';

export const maxAttachments = 5;
export const maxAttachmentBytes = 5 * 1024 * 1024;
/** base64 of the largest attachment. */
export const maxAttachmentBase64 = Math.ceil(maxAttachmentBytes / 3) * 4;
/** Five of the largest attachments and the text around them. */
export const attachmentsBodyLimit = maxAttachments * maxAttachmentBase64 + 256 * 1024;

const zip = [0x50, 0x4b, 0x03, 0x04];
const magic: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'application/zip': zip,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': zip,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': zip,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': zip,
  'application/vnd.oasis.opendocument.text': zip,
  'application/vnd.oasis.opendocument.spreadsheet': zip,
};

export const allowedContentTypes = [...Object.keys(magic), 'text/plain'] as const;

export interface AttachmentInput {
  filename: string;
  contentType: string;
  data: string;
}

export interface CheckedAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const binaryControls = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

const startsWith = (bytes: Buffer, prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);

/** Plain text: valid UTF-8 without control characters other than tab, line breaks and form feed. */
function isPlainText(bytes: Buffer) {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !binaryControls.test(decoded);
}

function matches(contentType: string, bytes: Buffer) {
  if (contentType === 'text/plain') return isPlainText(bytes);
  const prefix = magic[contentType];
  return prefix !== undefined && startsWith(bytes, prefix);
}

/** Decodes and checks each attachment; a problem is a field error on that attachment. */
export function checkAttachments(inputs: readonly AttachmentInput[] = []): CheckedAttachment[] {
  return inputs.map((input, index) => {
    const field = `attachments.${index}`;
    const fail = (code: string, params?: Record<string, number>) =>
      new AppError('VALIDATION_FAILED', { details: [{ field, code }], ...(params ? { params } : {}) });
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.data) || input.data.length % 4 !== 0) {
      throw fail(supportErrors.SUPPORT_ATTACHMENT_INVALID);
    }
    const content = Buffer.from(input.data, 'base64');
    if (content.length > maxAttachmentBytes) {
      throw fail(supportErrors.SUPPORT_ATTACHMENT_TOO_LARGE, { megabytes: maxAttachmentBytes / 1024 / 1024 });
    }
    const contentType = input.contentType.toLowerCase().split(';')[0]?.trim() ?? '';
    if (content.length === 0 || !matches(contentType, content)) {
      throw fail(supportErrors.SUPPORT_ATTACHMENT_TYPE);
    }
    return {
      filename: safeFilename(input.filename),
      contentType: contentType === 'text/plain' ? 'text/plain; charset=utf-8' : contentType,
      size: content.length,
      content,
    };
  });
}

/** RFC 6266: an ASCII fallback and the exact name as filename* (RFC 8187). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
