import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember, signedInOperator } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { accountParams } from '../users/users.schemas.ts';
import { attachmentsBodyLimit, contentDisposition } from './attachments.ts';
import {
  answerBody,
  attachmentParams,
  inboxPage,
  inboxQuery,
  openBody,
  operatorAttachmentParams,
  operatorRequestParams,
  operatorThread,
  replyBody,
  requestList,
  requestParams,
  requestThread,
  stateBody,
} from './support.schemas.ts';
import type { SupportService } from './support.service.ts';

const tags = ['support'];
const download = {
  produces: ['application/octet-stream'],
  response: { 200: Type.String({ format: 'binary' }), ...errorResponses(401, 403, 404) },
};

/** Only ever as a download, in the type its bytes were checked to be. */
function sendAttachment(
  reply: FastifyReply,
  attachment: { filename: string; contentType: string; content: Buffer },
) {
  return reply
    .type(attachment.contentType)
    .header('content-disposition', contentDisposition(attachment.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(attachment.content));
}

export const supportRoutes: FastifyPluginAsyncTypebox<{ support: SupportService }> = async (
  app,
  { support },
) => {
  const customer = (request: FastifyRequest) => {
    const member = signedInMember(request);
    return {
      accountId: member.accountId,
      from: { kind: 'member' as const, id: member.userId },
      actor: auditActor(request),
    };
  };
  const operator = (request: FastifyRequest) => {
    const signedIn = signedInOperator(request);
    return { actor: auditActor(request), operatorId: signedIn.operatorId, operatorName: signedIn.name };
  };

  app.get(
    '/api/v1/accounts/:accountId/support-requests',
    {
      config: { access: access.member('support.open') },
      schema: {
        tags,
        summary: "The account's support requests, latest activity first",
        params: accountParams,
        response: { 200: requestList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => support.list(request.params.accountId),
  );

  app.post(
    '/api/v1/accounts/:accountId/support-requests',
    {
      bodyLimit: attachmentsBodyLimit,
      config: { access: access.member('support.open') },
      schema: {
        tags,
        summary: 'Open a support request with up to 5 attachments (base64, 5 MiB each); a receipt by e-mail',
        params: accountParams,
        body: openBody,
        response: { 201: requestThread, ...errorResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await support.open({ ...customer(request), ...request.body })),
  );

  app.get(
    '/api/v1/accounts/:accountId/support-requests/:requestId',
    {
      config: { access: access.member('support.open') },
      schema: {
        tags,
        summary: 'One support request with its thread',
        params: requestParams,
        response: { 200: requestThread, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => support.get(request.params.accountId, request.params.requestId),
  );

  app.post(
    '/api/v1/accounts/:accountId/support-requests/:requestId/messages',
    {
      bodyLimit: attachmentsBodyLimit,
      config: { access: access.member('support.open') },
      schema: {
        tags,
        summary: 'Reply to a support request; it is open again',
        params: requestParams,
        body: replyBody,
        response: { 201: requestThread, ...errorResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await support.addCustomerMessage({
          ...customer(request),
          requestId: request.params.requestId,
          ...request.body,
        }),
      ),
  );

  app.get(
    '/api/v1/accounts/:accountId/support-requests/:requestId/attachments/:attachmentId',
    {
      config: { access: access.member('support.open') },
      schema: {
        tags,
        summary: 'Download an attachment of a support request',
        params: attachmentParams,
        ...download,
      },
    },
    async (request, reply) => {
      const { accountId, requestId, attachmentId } = request.params;
      return sendAttachment(reply, await support.attachment(requestId, attachmentId, accountId));
    },
  );

  app.get(
    '/api/v1/operator/support-requests',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary:
          'Every support request, latest activity first, by state, account (id or customer number) and age',
        querystring: inboxQuery,
        response: { 200: inboxPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => support.inbox(request.query),
  );

  app.get(
    '/api/v1/operator/support-requests/:requestId',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary: 'One support request with its thread and its account',
        params: operatorRequestParams,
        response: { 200: operatorThread, ...errorResponses(401, 404) },
      },
    },
    async (request) => support.operatorGet(request.params.requestId),
  );

  app.post(
    '/api/v1/operator/support-requests/:requestId/answers',
    {
      bodyLimit: attachmentsBodyLimit,
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary: 'Answer a request (waiting for the customer unless another state is given); e-mailed',
        params: operatorRequestParams,
        body: answerBody,
        response: { 201: operatorThread, ...errorResponses(400, 401, 404, 413) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await support.answer(operator(request), request.params.requestId, request.body)),
  );

  app.put(
    '/api/v1/operator/support-requests/:requestId/state',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary: 'Change the state of a support request',
        params: operatorRequestParams,
        body: stateBody,
        response: { 200: operatorThread, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => support.changeState(operator(request), request.params.requestId, request.body.state),
  );

  app.get(
    '/api/v1/operator/support-requests/:requestId/attachments/:attachmentId',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary: 'Download an attachment of a support request',
        params: operatorAttachmentParams,
        ...download,
      },
    },
    async (request, reply) =>
      sendAttachment(reply, await support.attachment(request.params.requestId, request.params.attachmentId)),
  );
};
