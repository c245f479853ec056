import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { access } from '../../http/access.ts';
import { errorResponses } from '../../http/openapi.ts';
import { programCaller } from '../program-api/index.ts';
import type { BatchService } from './batch.service.ts';
import type { GatewayService } from './gateway.service.ts';
import {
  gatewayAnswer,
  idempotencyHeaders,
  serviceCodeParams,
  serviceParameters,
  usageBatch,
  usageBatchResult,
} from './usage.schemas.ts';

const tags = ['program'];
const prefix = '/api/program/v1';
const refusals = errorResponses(400, 401, 403, 429);
/** 1,000 events with keys and references of 200 characters each fit; the default limit is 64 KiB. */
const batchBodyLimit = 2 * 1024 * 1024;

export const usageRoutes: FastifyPluginAsyncTypebox<{
  gateway: GatewayService;
  batch: BatchService;
}> = async (app, { gateway, batch }) => {
  app.post(
    `${prefix}/services/:code/requests`,
    {
      config: { access: access.program },
      schema: {
        tags,
        summary:
          'P4 (services.use): call an online service; charged once per Idempotency-Key, only for an answer',
        params: serviceCodeParams,
        headers: idempotencyHeaders,
        body: serviceParameters,
        response: { 200: gatewayAnswer, ...refusals, ...errorResponses(404, 409, 422, 502, 504) },
      },
    },
    async (request, reply) => {
      const answer = await gateway.request(programCaller(request), {
        serviceCode: request.params.code,
        idempotencyKey: request.headers['idempotency-key'],
        parameters: request.body,
        locale: request.locale,
      });
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      // The stored JSON text as it is (Fastify sends a string unserialized): a retry gets the first answer
      // byte for byte. Its shape is gatewayAnswer's, written by the gateway.
      return reply.type('application/json; charset=utf-8').send(answer.body as never);
    },
  );

  app.post(
    `${prefix}/usage-events`,
    {
      config: { access: access.program },
      bodyLimit: batchBodyLimit,
      schema: {
        tags,
        summary:
          "Usage from the account's own meter (admin's key): up to 1,000 events, each accepted, a duplicate or refused",
        body: usageBatch,
        response: { 200: usageBatchResult, ...refusals, ...errorResponses(413) },
      },
    },
    async (request) => {
      const outcome = await batch.ingest(programCaller(request), request.body.events);
      return {
        ...outcome,
        results: outcome.results.map((result) =>
          result.status === 'refused' ? { ...result, message: request.t(`errors.${result.code}`) } : result,
        ),
      };
    },
  );
};
