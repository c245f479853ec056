import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { errorResponses } from '../../http/openapi.ts';
import { accountParams, userParams } from '../users/users.schemas.ts';
import {
  directory,
  directoryQuery,
  memberNumber,
  memberNumberBody,
  numberBlockBody,
  numberBlockResponse,
} from './numbers.schemas.ts';
import type { NumbersContext, NumbersService } from './numbers.service.ts';

const tags = ['numbers'];

/** T2: the number block (operators), members' extensions (users.manage) and the directory (every member). */
export const numbersRoutes: FastifyPluginAsyncTypebox<{ numbers: NumbersService }> = async (
  app,
  { numbers },
) => {
  const context = (request: FastifyRequest, accountId: string): NumbersContext => ({
    accountId,
    actor: auditActor(request),
    locale: request.locale,
  });

  app.get(
    '/api/v1/operator/accounts/:accountId/number-block',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary: "The account's number block (null until an operator gives it one)",
        params: accountParams,
        response: { 200: numberBlockResponse, ...errorResponses(401, 404) },
      },
    },
    async (request) => numbers.getBlock(request.params.accountId),
  );

  app.put(
    '/api/v1/operator/accounts/:accountId/number-block',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary:
          'Give the account its number block or change it: prefix, extensions 0 … lastExtension, fax number; ' +
          "refused (409) while it would leave a member's extension or number outside",
        params: accountParams,
        body: numberBlockBody,
        response: { 200: numberBlockResponse, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => numbers.setBlock(context(request, request.params.accountId), request.body),
  );

  app.put(
    '/api/v1/accounts/:accountId/users/:userId/number',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary:
          "Give a member an extension and a direct-dial number from the account's block (by default the " +
          'prefix + the extension)',
        params: userParams,
        body: memberNumberBody,
        response: { 200: memberNumber, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      numbers.assignNumber(context(request, request.params.accountId), request.params.userId, request.body),
  );

  app.delete(
    '/api/v1/accounts/:accountId/users/:userId/number',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary: "Take a member's extension and direct-dial number away (nothing to do when there is none)",
        params: userParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await numbers.removeNumber(context(request, request.params.accountId), request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/directory',
    {
      config: { access: access.member() },
      schema: {
        tags,
        summary:
          "The company directory: the account's main and fax number and its members with extension, " +
          'direct-dial number and e-mail; q finds a name, an extension or a number',
        params: accountParams,
        querystring: directoryQuery,
        response: { 200: directory, ...errorResponses(401, 404) },
      },
    },
    async (request) => numbers.directory(request.params.accountId, request.query.q ?? '', request.locale),
  );
};
