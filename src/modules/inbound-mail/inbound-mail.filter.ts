// Recognises mail no person wrote to us: auto-replies, lists, bounces and Kontor's own mail coming
// back. Such mail is accepted (250, so nothing bounces) and dropped, so two robots never talk in a loop.
import type { ParsedMail } from 'mailparser';

/**
 * The header every e-mail Kontor sends carries, with the portal's host as its value. Mail that
 * arrives with it is Kontor's own (or another Kontor's) and is never filed.
 */
export const loopHeader = 'X-Kontor-Loop';

/** The headers outgoing mail must carry so that it is recognised when it comes back. */
export function outgoingLoopHeaders(publicUrl: URL): Record<string, string> {
  return { [loopHeader]: publicUrl.hostname };
}

const presenceMarkers = ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress', 'list-id'];

/** Why a message is to be ignored, or null when a person sent it. */
export function automatedReason(parsed: ParsedMail, envelopeFrom: string, ownHost: string): string | null {
  if (envelopeFrom === '') return 'null sender (a bounce or notification)';
  const autoSubmitted = headerValue(parsed, 'auto-submitted');
  if (autoSubmitted !== null) {
    const keyword = autoSubmitted.split(';')[0]?.trim().toLowerCase();
    if (keyword !== 'no') return `Auto-Submitted: ${keyword}`;
  }
  const precedence = headerValue(parsed, 'precedence')?.toLowerCase();
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list') {
    return `Precedence: ${precedence}`;
  }
  for (const marker of presenceMarkers) {
    if (headerValue(parsed, marker) !== null) return `${marker} header`;
  }
  const loop = headerValue(parsed, loopHeader.toLowerCase());
  if (loop !== null) return loop === ownHost ? 'Kontor’s own e-mail' : `another Kontor’s e-mail (${loop})`;
  // A Message-ID on our host is one Kontor made: its own e-mail, sent back with the header stripped.
  if (parsed.messageId?.toLowerCase().endsWith(`@${ownHost.toLowerCase()}>`))
    return 'Kontor’s own Message-ID';
  return null;
}

/** The first header of that (lower-case) name, unfolded and trimmed; null when absent. */
function headerValue(parsed: ParsedMail, name: string): string | null {
  const header = parsed.headerLines.find((line) => line.key === name);
  if (!header) return null;
  const colon = header.line.indexOf(':');
  return header.line
    .slice(colon + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}
