// R5: files go straight between the browsers, one ordered, reliable RTCDataChannel `file:<transferId>` per
// file: a JSON header (name, size), 16 KiB binary chunks with back-pressure, a JSON trailer with the sender's
// SHA-256 (computed in a worker while the bytes flow), and the receiver's JSON acknowledgements, which alone
// move the sender's progress; the last carries the receiver's SHA-256. The server only hears of each step,
// for the log.
import type { ClientMessage } from '../../../src/modules/remote-support/remote-support.protocol.ts';
import { sha256Hex } from './sha256.ts';

export type FileFrame = Extract<ClientMessage, { type: 'file' }>;
export type TransferState =
  | 'waiting'
  | 'sending'
  | 'receiving'
  | 'done'
  | 'cancelled'
  | 'failed'
  | 'mismatch';

export interface Transfer {
  id: string;
  direction: 'out' | 'in';
  name: string;
  size: number;
  /** Bytes the receiver confirmed (outgoing) or has (incoming). */
  bytes: number;
  state: TransferState;
  cancelledBy?: 'me' | 'peer';
  /** An incoming file whose checksum matched, to be saved from (a Blob URL). */
  url?: string;
}

const chunkBytes = 16 * 1024;
const readBytes = 1024 * 1024;
/** The sender waits while more than this is queued, so a large file never sits in the browser's buffer. */
const highWaterBytes = 1024 * 1024;
const lowWaterBytes = 256 * 1024;
const ackEveryBytes = 256 * 1024;
/** Progress reaches the page at most this often: a render per acknowledgement slows the transfer itself. */
const progressIntervalMs = 200;
const channelPrefix = 'file:';
const running = new Set<TransferState>(['waiting', 'sending', 'receiving']);

/** The SHA-256 of bytes handed over to a worker (the buffer moves there), computed off the page's thread. */
function sha256InWorker(buffer: ArrayBuffer): Promise<string> {
  const worker = new Worker(new URL('./checksum.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<string>((resolve, reject) => {
    worker.addEventListener('message', ({ data }: MessageEvent<{ sha256?: string; error?: string }>) =>
      data.sha256 ? resolve(data.sha256) : reject(new Error(data.error)),
    );
    worker.addEventListener('error', (event) => reject(new Error(event.message)));
    worker.postMessage(buffer, [buffer]);
  }).finally(() => worker.terminate());
}

/** A name the other side sent, only ever used as a download's name: no folders, no control characters. */
export function downloadName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed here
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean.slice(0, 255);
}

const parse = (text: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** Resolves once the channel's queue has drained to the low-water mark (or the channel closed). */
const drained = (channel: RTCDataChannel) =>
  new Promise<void>((resolve) => {
    const done = () => {
      channel.removeEventListener('bufferedamountlow', done);
      channel.removeEventListener('close', done);
      resolve();
    };
    channel.addEventListener('bufferedamountlow', done);
    channel.addEventListener('close', done);
  });

export const isTransferChannel = (channel: RTCDataChannel) => channel.label.startsWith(channelPrefix);

/** The session's transfers, a store of their own: progress re-renders the transfer window, not the page. */
export class Transfers {
  private items: Transfer[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly channels = new Map<string, RTCDataChannel>();
  private progressTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly hooks: {
      /** Tells the server a step, for the log. */
      report: (frame: FileFrame) => void;
      maxFileBytes: () => number;
    },
  ) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = () => this.items;

  private find(id: string): Transfer | undefined {
    return this.items.find((item) => item.id === id);
  }

  private isRunning(id: string): boolean {
    const item = this.find(id);
    return item !== undefined && running.has(item.state);
  }

  private update(id: string, changes: Partial<Transfer>): void {
    this.items = this.items.map((item) => (item.id === id ? { ...item, ...changes } : item));
    this.publish();
  }

  /** Only the byte count moved: shown with the next state change or within 200 ms. */
  private progress(id: string, bytes: number): void {
    this.items = this.items.map((item) => (item.id === id ? { ...item, bytes } : item));
    this.progressTimer ??= setTimeout(() => this.publish(), progressIntervalMs);
  }

  private publish(): void {
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.progressTimer = null;
    for (const listener of this.listeners) listener();
  }

  private add(item: Transfer): void {
    this.items = [...this.items, item];
    this.publish();
  }

  /** Offers a file to the other side; `connection` is the session's peer connection. */
  send(file: File, connection: RTCPeerConnection): void {
    const id = crypto.randomUUID();
    const { name, size } = file;
    this.add({ id, direction: 'out', name, size, bytes: 0, state: 'waiting' });
    let sha256: string | null = null;
    this.hooks.report({ type: 'file', transferId: id, event: 'offered', name, size });
    const channel = connection.createDataChannel(`${channelPrefix}${id}`, { ordered: true });
    channel.binaryType = 'arraybuffer';
    channel.bufferedAmountLowThreshold = lowWaterBytes;
    this.channels.set(id, channel);
    channel.addEventListener('open', () => {
      channel.send(JSON.stringify({ name, size }));
      this.update(id, { state: 'sending' });
      const hashed = (hex: string) => {
        sha256 = hex;
      };
      this.pump(id, file, channel, hashed).catch((error: unknown) => {
        if (!this.isRunning(id)) return;
        this.update(id, { state: 'failed' });
        const reason = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
        this.hooks.report({ type: 'file', transferId: id, event: 'failed', name, size, reason });
        channel.close();
      });
    });
    channel.addEventListener('message', ({ data }) => {
      if (typeof data !== 'string' || !this.isRunning(id)) return;
      const message = parse(data);
      if (message.cancel === true) return this.stoppedByPeer(id);
      if (typeof message.ack !== 'number') return;
      const bytes = Math.min(message.ack, size);
      // The last acknowledgement carries the receiver's checksum, only sent after the trailer had ours.
      if (typeof message.sha256 !== 'string' || sha256 === null) return this.progress(id, bytes);
      const matched = message.sha256 === sha256;
      this.update(id, { bytes, state: matched ? 'done' : 'mismatch' });
      if (matched)
        this.hooks.report({ type: 'file', transferId: id, event: 'completed', name, size, sha256 });
      channel.close();
    });
    channel.addEventListener('close', () => {
      this.stoppedByPeer(id);
      this.channels.delete(id);
    });
  }

  /** Sends the file's bytes, then its SHA-256: the file is read once, the checksum computed meanwhile. */
  private async pump(
    id: string,
    file: File,
    channel: RTCDataChannel,
    hashed: (sha256: string) => void,
  ): Promise<void> {
    const sending = () => this.isRunning(id) && channel.readyState === 'open';
    const read = (offset: number) => file.slice(offset, offset + readBytes).arrayBuffer();
    const whole = new Uint8Array(file.size);
    let checksum = file.size === 0 ? sha256InWorker(whole.buffer) : null;
    // The next block is read while this one is sent, so the channel does not wait for the disk (bench W1).
    let next = read(0);
    for (let offset = 0; offset < file.size; offset += readBytes) {
      const block = new Uint8Array(await next);
      whole.set(block, offset);
      if (offset + readBytes < file.size) next = read(offset + readBytes);
      else checksum = sha256InWorker(whole.buffer); // read through: the worker hashes while the rest is sent
      for (let start = 0; start < block.byteLength; start += chunkBytes) {
        if (channel.bufferedAmount > highWaterBytes - chunkBytes) await drained(channel);
        if (!sending()) return;
        channel.send(block.subarray(start, start + chunkBytes));
      }
    }
    if (!checksum) return;
    const sha256 = await checksum;
    hashed(sha256);
    if (sending()) channel.send(JSON.stringify({ sha256 }));
  }

  /** A channel the other side opened for a file. */
  receive(channel: RTCDataChannel): void {
    const id = channel.label.slice(channelPrefix.length);
    channel.binaryType = 'arraybuffer';
    this.channels.set(id, channel);
    let header: { name: string; size: number } | null = null;
    // The file's bytes in one buffer of the announced size: checksummed where they are, copied once to a Blob.
    let bytes = new Uint8Array(0);
    let received = 0;
    let acknowledged = 0;
    /** Ours once the last byte is in, the sender's from its trailer: the file is judged when both are there. */
    let own: Promise<string> | null = null;
    let theirs: string | null = null;
    const judge = async () => {
      if (!header || !own || theirs === null) return;
      const { name, size } = header;
      const expected = theirs;
      theirs = null; // judged once
      const sha256 = await own;
      if (!this.isRunning(id)) return;
      const matched = sha256 === expected && received === size;
      const blob = matched ? new Blob([bytes], { type: 'application/octet-stream' }) : null;
      bytes = new Uint8Array(0); // the Blob holds them now
      this.update(id, blob ? { state: 'done', url: URL.createObjectURL(blob) } : { state: 'mismatch' });
      this.hooks.report(
        matched
          ? { type: 'file', transferId: id, event: 'received', name, size, sha256 }
          : {
              type: 'file',
              transferId: id,
              event: 'failed',
              name,
              size,
              sha256,
              reason: 'checksum mismatch',
            },
      );
      if (channel.readyState === 'open') channel.send(JSON.stringify({ ack: received, sha256 }));
    };
    const lastByte = () => {
      own = sha256Hex(bytes);
      void judge();
    };
    channel.addEventListener('message', ({ data }) => {
      if (typeof data === 'string') {
        const message = parse(data);
        if (message.cancel === true) return this.stoppedByPeer(id);
        if (header) {
          const { sha256 } = message;
          if (typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256)) theirs = sha256;
          return void judge();
        }
        const { name, size } = message;
        const valid =
          typeof name === 'string' && name !== '' && Number.isInteger(size) && (size as number) >= 0;
        if (!valid || (size as number) > this.hooks.maxFileBytes()) return channel.close();
        header = { name: name.slice(0, 255), size: size as number };
        bytes = new Uint8Array(header.size);
        this.add({ id, direction: 'in', name: header.name, size: header.size, bytes: 0, state: 'receiving' });
        if (header.size === 0) lastByte();
        return;
      }
      if (!header || received >= header.size || !this.isRunning(id) || !(data instanceof ArrayBuffer)) return;
      // More than announced: not the file that was offered, and judged as such.
      if (received + data.byteLength > header.size) {
        received += data.byteLength;
        return lastByte();
      }
      bytes.set(new Uint8Array(data), received);
      received += data.byteLength;
      if (received >= header.size) {
        this.progress(id, received);
        lastByte();
      } else if (received - acknowledged >= ackEveryBytes) {
        acknowledged = received;
        channel.send(JSON.stringify({ ack: received }));
        this.progress(id, received);
      }
    });
    channel.addEventListener('close', () => {
      this.stoppedByPeer(id);
      this.channels.delete(id);
    });
  }

  /** Cancels a running transfer from this side and tells the other side and the server. */
  cancel(id: string): void {
    const item = this.find(id);
    if (!item || !running.has(item.state)) return;
    this.update(id, { state: 'cancelled', cancelledBy: 'me' });
    const channel = this.channels.get(id);
    if (channel?.readyState === 'open') channel.send(JSON.stringify({ cancel: true }));
    channel?.close();
    this.hooks.report({ type: 'file', transferId: id, event: 'cancelled', name: item.name, size: item.size });
  }

  /** The other side cancelled, or its channel went away before the end. */
  private stoppedByPeer(id: string): void {
    if (!this.isRunning(id)) return;
    this.update(id, { state: 'cancelled', cancelledBy: 'peer' });
    this.channels.get(id)?.close();
  }

  /** The session ended: whatever still runs stops (the server has logged the end). */
  stopAll(): void {
    for (const item of this.items) if (running.has(item.state)) this.update(item.id, { state: 'cancelled' });
    for (const channel of this.channels.values()) channel.close();
  }

  /** The page is left: the files received are let go too. */
  dispose(): void {
    this.stopAll();
    if (this.progressTimer) clearTimeout(this.progressTimer);
    for (const item of this.items) if (item.url) URL.revokeObjectURL(item.url);
  }
}
