// FakeStripe: a local stand-in for Stripe's API, at the edge of the world (Kontor's tests cannot reach
// Stripe). A real HTTP server on 127.0.0.1 that answers the Checkout Session calls Kontor's adapter makes,
// as Stripe answers them (form-encoded requests, bearer key, JSON objects), records what it was sent, and
// signs webhook events the way Stripe does, with the endpoint secret.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** The form fields as sent: "line_items[0][price_data][unit_amount]" → "23800". */
  form: Record<string, string>;
}

export class FakeStripe {
  readonly secretKey = 'sk_test_kontor_fake';
  readonly webhookSecret = 'whsec_kontor_fake';
  readonly requests: RecordedRequest[] = [];
  private readonly sessions = new Map<string, Record<string, unknown>>();
  private count = 0;

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeStripe> {
    const server = http.createServer();
    const fake = new FakeStripe(server);
    server.on('request', (request, response) => fake.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The environment that points Kontor at this fake. */
  get env(): Record<string, string> {
    return {
      STRIPE_SECRET_KEY: this.secretKey,
      STRIPE_WEBHOOK_SECRET: this.webhookSecret,
      STRIPE_API_BASE: this.baseUrl,
    };
  }

  session(id: string) {
    return this.sessions.get(id);
  }

  /** An event as Stripe sends it to a webhook endpoint: the JSON body and its Stripe-Signature header. */
  signedEvent(
    type: string,
    object: Record<string, unknown>,
    { id = `evt_fake_${++this.count}`, secret = this.webhookSecret } = {},
  ) {
    const payload = JSON.stringify({
      id,
      object: 'event',
      type,
      created: Math.floor(Date.now() / 1000),
      data: { object },
    });
    const signature = new Stripe(this.secretKey).webhooks.generateTestHeaderString({ payload, secret });
    return { payload, signature };
  }

  /** checkout.session.completed for a session this fake opened, paid in full (or as `override` says). */
  completed(
    sessionId: string,
    override: Record<string, unknown> = {},
    options: { id?: string; secret?: string } = {},
  ) {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`FakeStripe opened no session ${sessionId}`);
    return this.signedEvent(
      'checkout.session.completed',
      { ...session, status: 'complete', payment_status: 'paid', ...override },
      options,
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', this.baseUrl);
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      this.requests.push({
        method: request.method ?? '',
        path: url.pathname,
        authorization: request.headers.authorization,
        form,
      });
      const json = (status: number, body: unknown) => {
        response.writeHead(status, {
          'content-type': 'application/json',
          'request-id': `req_fake_${this.count}`,
        });
        response.end(JSON.stringify(body));
      };
      if (request.headers.authorization !== `Bearer ${this.secretKey}`)
        return json(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
      if (request.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        const id = `cs_fake_${++this.count}`;
        const session = {
          id,
          object: 'checkout.session',
          mode: form.mode,
          status: 'open',
          payment_status: 'unpaid',
          amount_total:
            Number(form['line_items[0][price_data][unit_amount]']) *
            Number(form['line_items[0][quantity]'] ?? 1),
          currency: form['line_items[0][price_data][currency]'],
          client_reference_id: form.client_reference_id ?? null,
          metadata: {
            invoiceId: form['metadata[invoiceId]'],
            invoiceNumber: form['metadata[invoiceNumber]'],
          },
          customer_email: form.customer_email ?? null,
          success_url: form.success_url,
          cancel_url: form.cancel_url,
          url: `${this.baseUrl}/pay/${id}`,
        };
        this.sessions.set(id, session);
        return json(200, session);
      }
      return json(404, {
        error: { type: 'invalid_request_error', message: `Unrecognized request URL (${url.pathname})` },
      });
    });
  }
}
