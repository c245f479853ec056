// The session's WebSocket: one JSON object per text frame, both ways (remote-support.protocol.ts).
import type {
  ClientMessage,
  ServerMessage,
} from '../../../src/modules/remote-support/remote-support.protocol.ts';

export interface SignallingHandlers {
  open: () => void;
  message: (message: ServerMessage) => void;
  /** The socket closed, by either end; `clean` when it was closed on purpose (close()). */
  closed: (clean: boolean) => void;
}

export class Signalling {
  private readonly socket: WebSocket;
  private closing = false;

  constructor(url: string, handlers: SignallingHandlers) {
    this.socket = new WebSocket(url);
    this.socket.addEventListener('open', handlers.open);
    this.socket.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      try {
        const message: unknown = JSON.parse(event.data);
        if (typeof message === 'object' && message !== null && 'type' in message) {
          handlers.message(message as ServerMessage);
        }
      } catch {
        // Not JSON: the server never sends such a frame, so there is nothing to act on.
      }
    });
    this.socket.addEventListener('close', () => handlers.closed(this.closing));
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(message: ClientMessage): void {
    if (this.open) this.socket.send(JSON.stringify(message));
  }

  close(): void {
    this.closing = true;
    this.socket.close(1000);
  }
}
