// R5, R6: the steps of a file transfer as both sides report them, turned into lines of the log. The bytes
// go browser to browser and never pass the server; the name is logged as a name only, never a path.
import { safeFilename } from '../../shared/filenames.ts';
import { remoteSupportErrors as errors } from './remote-support.errors.ts';
import type { ClientMessage, LogKind, Side } from './remote-support.protocol.ts';

export type FileFrame = Extract<ClientMessage, { type: 'file' }>;
export type Transfers = Map<
  string,
  { sender: Side; name: string; size: number; sha256?: string; receivedSha256?: string }
>;

type Step =
  | { kind: LogKind; details: Record<string, string | number | boolean | null> }
  | { error: string; params?: Record<string, number> };

/** The log line of a step, or why it is refused; an offer registers the transfer and its sender. */
export function fileStep(transfers: Transfers, side: Side, frame: FileFrame, maxFileBytes: number): Step {
  if (frame.event === 'offered') {
    if (frame.size > maxFileBytes) {
      return {
        error: errors.REMOTE_SUPPORT_FILE_TOO_LARGE,
        params: { maxMegabytes: Math.floor(maxFileBytes / 1e6) },
      };
    }
    if (transfers.has(frame.transferId)) return { error: errors.REMOTE_SUPPORT_NOT_ALLOWED };
    const { transferId, size, sha256 } = frame;
    transfers.set(transferId, { sender: side, name: safeFilename(frame.name), size, sha256 });
  }
  const transfer = transfers.get(frame.transferId);
  if (!transfer) return { error: errors.REMOTE_SUPPORT_TRANSFER_UNKNOWN };
  // Only the receiver says it has the file, only the sender that it is done.
  const bySender = side === transfer.sender;
  if ((frame.event === 'received' && bySender) || (frame.event === 'completed' && !bySender)) {
    return { error: errors.REMOTE_SUPPORT_NOT_ALLOWED };
  }
  const receiver = transfer.sender === 'host' ? 'client' : 'host';
  // The sender's checksum comes with the offer or, computed while the bytes flow, with its completion.
  if (frame.event === 'received') transfer.receivedSha256 = frame.sha256;
  const compared =
    frame.event === 'received'
      ? transfer.sha256
      : frame.event === 'completed'
        ? transfer.receivedSha256
        : undefined;
  return {
    kind: `file.${frame.event}`,
    details: {
      transferId: frame.transferId,
      name: transfer.name,
      size: transfer.size,
      direction: `${transfer.sender}_to_${receiver}`,
      sha256: frame.sha256 ?? transfer.sha256 ?? null,
      ...(compared && frame.sha256 ? { checksumMatches: frame.sha256 === compared } : {}),
      ...(frame.reason ? { reason: frame.reason } : {}),
    },
  };
}
