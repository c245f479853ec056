// RFC 8058: a contact's notification carries List-Unsubscribe and List-Unsubscribe-Post; the mail program
// POSTs "List-Unsubscribe=One-Click" as a form, without cookies. The link in the e-mail opens a page that
// asks first, because link scanners follow GET links: only a POST unsubscribes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { errorResponses } from '../../http/openapi.ts';
import { unsubscribeParams, unsubscribePreview } from './contacts.schemas.ts';
import type { ContactsService } from './contacts.service.ts';

const tags = ['contacts'];

export const unsubscribeRoutes: FastifyPluginAsyncTypebox<{ contacts: ContactsService }> = async (
  app,
  { contacts },
) => {
  // Only here is a form body accepted; its content is not needed, the signed path says everything.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, _body, done) => done(null, undefined),
  );

  app.get(
    '/api/v1/unsubscribe/:contactId/:category/:signature',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'What an unsubscribe link of a contact would change',
        params: unsubscribeParams,
        response: { 200: unsubscribePreview, ...errorResponses(400, 404) },
      },
    },
    async (request) => contacts.previewUnsubscribe(request.params),
  );

  app.post(
    '/api/v1/unsubscribe/:contactId/:category/:signature',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'One-click unsubscribe of a contact from one category (RFC 8058); idempotent',
        params: unsubscribeParams,
        response: { 204: Type.Null(), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      await contacts.unsubscribe(request.params, auditActor(request));
      return reply.status(204).send(null);
    },
  );
};
