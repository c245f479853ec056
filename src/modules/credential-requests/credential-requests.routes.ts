import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInOperator } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import {
  answered,
  listQuery,
  receivedResponse,
  requestBody,
  requestList,
  requestParams,
} from './credential-requests.schemas.ts';
import type { CredentialRequestsService } from './credential-requests.service.ts';

const tags = ['credential-requests'];

export const credentialRequestsRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  credentialRequests: CredentialRequestsService;
}> = async (app, { config, credentialRequests }) => {
  const operator = (request: FastifyRequest) => ({
    actor: auditActor(request),
    operatorId: signedInOperator(request).operatorId,
  });

  app.post(
    '/api/v1/credential-requests',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary:
          "Ask for an account's access data; its admins may receive links. The same 202 for every number",
        body: requestBody,
        response: { 202: receivedResponse, ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await credentialRequests.receiveWeb({ ...request.body, actor: auditActor(request) });
      return reply.status(202).send({ received: true });
    },
  );

  app.get(
    '/api/v1/operator/credential-requests',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary: 'Requests for access data by state (open unless given), newest first',
        querystring: listQuery,
        response: { 200: requestList, ...errorResponses(400, 401) },
      },
    },
    async (request) => credentialRequests.list(request.query.state),
  );

  app.post(
    '/api/v1/operator/credential-requests/:requestId/send',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary: 'Send every admin of the account a fresh single-use link to their own access data',
        params: requestParams,
        response: { 200: answered, ...errorResponses(401, 404, 409) },
      },
    },
    async (request) => credentialRequests.send(operator(request), request.params.requestId),
  );

  app.post(
    '/api/v1/operator/credential-requests/:requestId/dismiss',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary: 'Dismiss a request for access data without sending anything',
        params: requestParams,
        response: { 200: answered, ...errorResponses(401, 404, 409) },
      },
    },
    async (request) => credentialRequests.dismiss(operator(request), request.params.requestId),
  );
};
