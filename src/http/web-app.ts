// Serves the built React app (dist/web) and falls back to index.html for its client-side routes.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/app-error.ts';
import { sendError } from './error-handler.ts';

export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const built = fs.existsSync(path.join(webRoot, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webRoot,
      cacheControl: false,
      // Vite names assets by content hash, so they never change under the same name; index.html does.
      setHeaders: (response, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        response.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/');
    if (!isPage) return sendError(request, reply, new AppError('NOT_FOUND'));
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The Kontor web app is not built yet. Run "npm run build" (or "npm start", which builds it).');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
