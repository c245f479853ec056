// The HTTP adapter against a provider on 127.0.0.1 started here: what it sends, and each way a call fails.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ProviderError, type ServiceRequest } from './adapter.ts';
import { createHttpAdapter, maxAnswerBytes } from './http.ts';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;
let handler: Handler = (_request, _body, response) => response.end('{}');
let baseUrl = '';
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', () => handler(request, body, response));
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const adapter = createHttpAdapter({ timeoutMs: 300 });
const request = (overrides: Partial<ServiceRequest> = {}): ServiceRequest => ({
  serviceCode: 'address-lookup',
  providerUrl: `${baseUrl}/v1/lookup?apiKey=secret`,
  parameters: { street: 'Hauptstraße 1', city: 'Berlin' },
  idempotencyKey: 'a1b2',
  locale: 'de',
  ...overrides,
});
const call = (overrides: Partial<ServiceRequest> = {}, signal = new AbortController().signal) =>
  adapter.call(request(overrides), { signal });
const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return (error as ProviderError).kind;
};
const answer =
  (status: number, text: string, delayMs = 0): Handler =>
  (_request, _body, response) => {
    setTimeout(() => {
      response.statusCode = status;
      response.setHeader('content-type', 'application/json');
      response.end(text);
    }, delayMs);
  };

it('POSTs the parameters as JSON to the provider URL and returns its JSON object', async () => {
  let seen: { method?: string; url?: string; headers?: IncomingMessage['headers']; body?: string } = {};
  handler = (incoming, body, response) => {
    seen = { method: incoming.method, url: incoming.url, headers: incoming.headers, body };
    response.setHeader('content-type', 'application/json');
    response.end('{"found":true,"address":{"city":"Berlin"}}');
  };
  expect(await call()).toEqual({ found: true, address: { city: 'Berlin' } });
  expect(seen.method).toBe('POST');
  expect(seen.url).toBe('/v1/lookup?apiKey=secret');
  expect(seen.headers?.['content-type']).toBe('application/json');
  expect(seen.headers?.['idempotency-key']).toBe('a1b2');
  expect(JSON.parse(seen.body ?? '')).toEqual({ street: 'Hauptstraße 1', city: 'Berlin' });
});

it('a status other than 2xx is a failed call', async () => {
  for (const status of [400, 404, 500, 503]) {
    handler = answer(status, '{"error":"no"}');
    expect(await failure(call())).toBe('failed');
  }
  handler = answer(201, '{"queued":true}');
  expect(await call()).toEqual({ queued: true });
});

it('no answer within the timeout is a timeout, and it comes when the timeout has passed', async () => {
  handler = answer(200, '{"late":true}', 1_000);
  const started = performance.now();
  expect(await failure(call())).toBe('timeout');
  const elapsed = performance.now() - started;
  expect(elapsed).toBeGreaterThanOrEqual(290);
  expect(elapsed).toBeLessThan(900);
  // A body that starts in time but does not end in time is a timeout too.
  handler = (_request, _body, response) => {
    response.setHeader('content-type', 'application/json');
    response.write('{"partial":');
    setTimeout(() => response.end('true}'), 1_000);
  };
  expect(await failure(call())).toBe('timeout');
});

it("the caller's signal ends the call as a timeout", async () => {
  handler = answer(200, '{}', 1_000);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  expect(await failure(call({}, controller.signal))).toBe('timeout');
});

it('text that is not JSON, JSON that is not an object, or a huge answer is a bad answer', async () => {
  for (const text of ['<html>oops</html>', '', '[1,2]', '"text"', 'null', '42']) {
    handler = answer(200, text);
    expect(await failure(call()), text).toBe('bad_answer');
  }
  handler = answer(200, JSON.stringify({ blob: 'x'.repeat(maxAnswerBytes) }));
  expect(await failure(call())).toBe('bad_answer');
});

it('an unreachable provider or a service without a URL is a failed call', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  expect(await failure(call({ providerUrl: `http://127.0.0.1:${port}/` }))).toBe('failed');
  expect(await failure(call({ providerUrl: null }))).toBe('failed');
  // Redirects are not followed: the provider URL is the one the operator configured.
  handler = (_request, _body, response) => {
    response.statusCode = 302;
    response.setHeader('location', 'http://example.com/');
    response.end();
  };
  expect(await failure(call())).toBe('failed');
});
