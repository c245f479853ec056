// A WebSocket peer for tests, over a real socket to the app listening on 127.0.0.1: what it receives is
// queued, and `next` waits for the next frame of a type.
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import type { KontorApp } from '../../src/app.ts';
import type { TestClient } from './test-client.ts';

type Frame = { type: string; [key: string]: unknown };

export interface WsPeer {
  socket: WebSocket;
  frames: Frame[];
  send(frame: object): void;
  /** The next frame of `type` that `matches` (skipping others, which stay in `frames`), within 2 seconds. */
  next<T extends object = Frame>(type: string, matches?: (frame: T) => boolean): Promise<T>;
  closed: Promise<number>;
}

export async function wsPeer(
  app: KontorApp,
  url: string,
  options: { client?: TestClient; headers?: Record<string, string> } = {},
): Promise<WsPeer> {
  const cookies = options.client?.cookies;
  const headers = {
    origin: app.kontor.config.publicUrl.origin,
    ...(cookies?.size ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
    ...options.headers,
  };
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  let closedWith: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => {
    closedWith = resolve;
  });
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const socket = new WebSocket(`ws://127.0.0.1:${port}${url}`, { headers });
  socket.on('message', (data) => {
    frames.push(JSON.parse(data.toString()));
    for (const wake of waiters.splice(0)) wake();
  });
  socket.on('close', (code) => closedWith(code));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    // A refused upgrade: the caller of this listener must end the request itself.
    socket.once('unexpected-response', (request, response) => {
      request.destroy();
      reject(new Error(`Unexpected server response: ${response.statusCode}`));
    });
    socket.once('error', reject);
  });
  return {
    socket,
    frames,
    closed,
    send: (frame) => socket.send(JSON.stringify(frame)),
    async next<T extends object>(type: string, matches: (frame: T) => boolean = () => true): Promise<T> {
      const deadline = Date.now() + 2_000;
      for (;;) {
        const index = frames.findIndex((frame) => frame.type === type && matches(frame as T));
        if (index >= 0) return frames.splice(index, 1)[0] as T;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${type}" frame; got ${JSON.stringify(frames)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
    },
  };
}
