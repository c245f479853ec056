import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { errorResponses } from '../../http/openapi.ts';
import { tokenBody } from '../auth/auth.schemas.ts';
import type { LinksService } from '../links/index.ts';
import type { UsersService } from './users.service.ts';

const credentials = Type.Object({
  customerNumber: Type.String(),
  userNumber: Type.String(),
  username: Type.String(),
  accessKey: Type.String({ description: 'Shown this once; only its SHA-256 hash is stored' }),
});

export const usersRoutes: FastifyPluginAsyncTypebox<{ users: UsersService; links: LinksService }> = async (
  app,
  { users, links },
) => {
  app.post(
    '/api/v1/credentials/reveal/check',
    {
      config: { access: access.public },
      schema: {
        tags: ['credentials'],
        summary: 'Tell whether a reveal link can still be used, without using it',
        body: tokenBody,
        response: { 200: Type.Object({ valid: Type.Boolean() }), ...errorResponses(400, 404, 410) },
      },
    },
    async (request) => {
      await links.checkLink(request.body.token, 'credentials_reveal');
      return { valid: true };
    },
  );

  app.post(
    '/api/v1/credentials/reveal',
    {
      config: { access: access.public },
      schema: {
        tags: ['credentials'],
        summary: 'Show the program credentials behind a single-use link, once',
        body: tokenBody,
        response: { 200: credentials, ...errorResponses(400, 404, 410) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return users.revealCredentials(request.body.token);
    },
  );
};
