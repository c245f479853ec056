import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember, signedInOperator } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { resent } from '../activation/activation.schemas.ts';
import {
  accountParams,
  personalData,
  personalDataPatch,
  user,
  userList,
  userListQuery,
  userParams,
} from '../users/users.schemas.ts';
import type { ActingForCustomers, ActingOperator } from './acting.service.ts';

const tags = ['operator'];
const support = { access: access.operatorArea('support') };
const base = '/api/v1/operator/accounts/:accountId/users';
const providerAccess = Type.Object({ allowed: Type.Boolean() }, { additionalProperties: false });

/** Issue 16, item 2: the provider's support changes an account's users on its order; the owner decides. */
export const actingRoutes: FastifyPluginAsyncTypebox<{ acting: ActingForCustomers }> = async (
  app,
  { acting },
) => {
  const by = (request: FastifyRequest): ActingOperator => {
    const { operatorId, name } = signedInOperator(request);
    return { operatorId, name, ipAddress: request.ip };
  };

  app.get(
    base,
    {
      config: support,
      schema: {
        tags,
        summary: "The account's users, and whether its owner lets the provider act in the account",
        params: accountParams,
        querystring: userListQuery,
        response: {
          200: Type.Intersect([userList, Type.Object({ actingAllowed: Type.Boolean() })]),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) =>
      acting.listUsers(request.params.accountId, {
        search: request.query.q?.trim() || undefined,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }),
  );

  app.post(
    base,
    {
      config: support,
      schema: {
        tags,
        summary:
          "Create a user on the customer's order: takes a seat; the user activates themselves with the e-mailed link",
        params: accountParams,
        body: personalData,
        response: { 201: user, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await acting.createUser(request.params.accountId, request.body, by(request))),
  );

  app.patch(
    `${base}/:userId`,
    {
      config: support,
      schema: {
        tags,
        summary: "Change a user's personal data on the customer's order (never the owner's)",
        params: userParams,
        body: personalDataPatch,
        response: { 200: user, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      acting.updateUser(request.params.accountId, request.params.userId, request.body, by(request)),
  );

  app.delete(
    `${base}/:userId`,
    {
      config: support,
      schema: {
        tags,
        summary: "Delete a user on the customer's order and free the seat (never the owner)",
        params: userParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await acting.deleteUser(request.params.accountId, request.params.userId, by(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/:userId/activation`,
    {
      config: { ...support, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary:
          "Send a pending user's activation e-mail again on the customer's order (the main user's always); the old link is revoked",
        params: userParams,
        response: { 202: resent, ...errorResponses(401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await acting.resendActivation(request.params.accountId, request.params.userId, by(request))),
  );

  app.get(
    '/api/v1/accounts/:accountId/provider-access',
    {
      config: { access: access.member() },
      schema: {
        tags: ['accounts'],
        summary: "Whether the provider's support may act in the account on its order",
        params: accountParams,
        response: { 200: providerAccess, ...errorResponses(401, 404) },
      },
    },
    async (request) => acting.providerAccess(request.params.accountId),
  );

  app.put(
    '/api/v1/accounts/:accountId/provider-access',
    {
      config: { access: access.member('account.edit') },
      schema: {
        tags: ['accounts'],
        summary:
          "The owner only: let the provider's support act in the account, or only provision (the main user's link stays)",
        params: accountParams,
        body: providerAccess,
        response: { 200: providerAccess, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const member = signedInMember(request);
      return acting.setProviderAccess(request.params.accountId, request.body.allowed, {
        userId: member.userId,
        isOwner: member.role === 'owner',
        actor: auditActor(request),
      });
    },
  );
};
