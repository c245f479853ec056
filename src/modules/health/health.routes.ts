import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type Db, isDatabaseReachable } from '../../db/kysely.ts';
import { pendingMigrations } from '../../db/migrator.ts';
import { access } from '../../http/access.ts';
import { errorResponses } from '../../http/openapi.ts';
import { AppError } from '../../shared/app-error.ts';

export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/healthz',
    {
      config: { access: access.public },
      schema: {
        tags: ['health'],
        summary: 'The process is alive',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: access.public },
      schema: {
        tags: ['health'],
        summary: 'The database is reachable and every migration is applied',
        response: { 200: Type.Object({ status: Type.Literal('ready') }), ...errorResponses(503) },
      },
    },
    async () => {
      if (!(await isDatabaseReachable(db))) throw new AppError('SERVICE_UNAVAILABLE');
      if ((await pendingMigrations(db)).length > 0) throw new AppError('SERVICE_UNAVAILABLE');
      return { status: 'ready' as const };
    },
  );
};
