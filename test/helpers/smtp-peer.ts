// A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps what it receives.
import { SMTPServer } from 'smtp-server';
import { freePort } from './postgres-cluster.ts';

export interface ReceivedEmail {
  from: string;
  to: string[];
  raw: string;
}

export class SmtpPeer {
  readonly received: ReceivedEmail[] = [];
  private server: SMTPServer | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<SmtpPeer> {
    const peer = new SmtpPeer(await freePort());
    await peer.up();
    return peer;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Starts (or restarts, after an outage) listening on the same port. */
  async up(): Promise<void> {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    // A client that dies mid-session (the crash-safety test kills Kontor while it sends) resets its
    // connection; smtp-server reports that as an 'error' event, which would otherwise be thrown.
    this.server.on('error', () => {});
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }

  /** An outage: the port refuses connections until up() is called again. */
  async down(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
