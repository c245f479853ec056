import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { access } from '../../http/access.ts';
import { errorResponses } from '../../http/openapi.ts';
import { mailboxList, mailboxListQuery, mailboxMessage, messageParams } from './mail.schemas.ts';
import type { MailService } from './mail.service.ts';

export const mailRoutes: FastifyPluginAsyncTypebox<{
  mail: MailService;
}> = async (app, { mail }) => {
  app.get(
    '/api/v1/operator/mailbox',
    {
      config: { access: access.operator },
      schema: {
        tags: ['operator'],
        summary: 'E-mails Kontor has written: the built-in mailbox, or the SMTP outbox',
        querystring: mailboxListQuery,
        response: { 200: mailboxList, ...errorResponses(400, 401) },
      },
    },
    async (request) => mail.listMailbox(request.query),
  );

  app.get(
    '/api/v1/operator/mailbox/:id',
    {
      config: { access: access.operator },
      schema: {
        tags: ['operator'],
        summary: 'One e-mail with its text and HTML body',
        params: messageParams,
        response: { 200: mailboxMessage, ...errorResponses(401, 404) },
      },
    },
    async (request) => mail.getMailboxMessage(request.params.id),
  );
};
