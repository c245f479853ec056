import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInOperator } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { id, passwordResetCompleteBody, tokenBody } from '../auth/auth.schemas.ts';
import { policy } from '../two-factor/two-factor.schemas.ts';
import type { ActingOperator, OperatorStaff } from './operator-staff.service.ts';
import { invitationBody, rolesBody, staffMember } from './operators.schemas.ts';

const tags = ['operator'];
const admins = { access: access.operatorArea('admin') };
const operatorParams = Type.Object({ operatorId: id });

/** Issue 16: the provider's staff, managed by operator admins; every operator may read who is on it. */
export const operatorStaffRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  staff: OperatorStaff;
}> = async (app, { config, staff }) => {
  const acting = (request: FastifyRequest): ActingOperator => {
    const { operatorId, name } = signedInOperator(request);
    return { operatorId, name, actor: auditActor(request) };
  };
  const linkLimit = { rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 } };

  app.get(
    '/api/v1/operator/operators',
    {
      config: admins,
      schema: {
        tags,
        summary: 'The operators, with their roles, state and whether they sign in with a second factor',
        response: { 200: Type.Object({ items: Type.Array(staffMember) }), ...errorResponses(401) },
      },
    },
    async () => ({ items: await staff.list() }),
  );

  app.post(
    '/api/v1/operator/operators',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Invite an operator by e-mail: a link valid 48 hours sets their password',
        body: invitationBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await staff.invite(request.body, acting(request)) }),
  );

  app.post(
    '/api/v1/operator/operators/:operatorId/invitation',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Send an invited operator a new link; the old one stops working',
        params: operatorParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await staff.resendInvitation(request.params.operatorId, acting(request));
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/operator/operators/:operatorId/roles',
    {
      config: admins,
      schema: {
        tags,
        summary: "Set an operator's roles; the last active operator admin keeps the admin role",
        params: operatorParams,
        body: rolesBody,
        response: { 200: rolesBody, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      roles: await staff.setRoles(request.params.operatorId, request.body.roles, acting(request)),
    }),
  );

  for (const [change, summary] of [
    ['disable', 'Disable an operator: they cannot sign in, and their sessions end at once'],
    ['enable', 'Enable a disabled operator again'],
  ] as const) {
    app.post(
      `/api/v1/operator/operators/:operatorId/${change}`,
      {
        config: admins,
        schema: {
          tags,
          summary,
          params: operatorParams,
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        await staff[change](request.params.operatorId, acting(request));
        return reply.status(204).send(null);
      },
    );
  }

  app.get(
    '/api/v1/operator/two-factor-policy',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Whether every operator must sign in with a second factor',
        response: { 200: policy, ...errorResponses(401) },
      },
    },
    async () => staff.twoFactorPolicy(),
  );

  app.put(
    '/api/v1/operator/two-factor-policy',
    {
      config: admins,
      schema: {
        tags,
        summary:
          'Require a second factor of every operator (only with one of your own); sessions without one end',
        body: policy,
        response: { 200: policy, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => staff.setTwoFactorPolicy(request.body.required, acting(request)),
  );

  app.post(
    '/api/v1/operator/invitation/check',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Whose operator invitation a link is, while it can still be used',
        body: tokenBody,
        response: {
          200: Type.Object({ name: Type.String(), email: Type.String() }),
          ...errorResponses(400, 404, 410),
        },
      },
    },
    async (request) => staff.checkInvitation(request.body.token),
  );

  app.post(
    '/api/v1/operator/invitation/accept',
    {
      config: { access: access.public, ...linkLimit },
      schema: {
        tags,
        summary: 'Accept an operator invitation: set the password; then sign in',
        body: passwordResetCompleteBody,
        response: { 200: Type.Object({ email: Type.String() }), ...errorResponses(400, 404, 410, 429) },
      },
    },
    async (request) => staff.acceptInvitation({ ...request.body, ipAddress: request.ip }),
  );
};
