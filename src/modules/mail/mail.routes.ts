import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { preHandlerAsyncHookHandler } from 'fastify';
import { errorResponses } from '../../http/openapi.ts';
import { mailboxList, mailboxListQuery, mailboxMessage, messageParams } from './mail.schemas.ts';
import type { MailService } from './mail.service.ts';

export const mailRoutes: FastifyPluginAsyncTypebox<{
  mail: MailService;
  requireOperator: preHandlerAsyncHookHandler;
}> = async (app, { mail, requireOperator }) => {
  app.addHook('preHandler', requireOperator);

  app.get(
    '/api/v1/operator/mailbox',
    {
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
