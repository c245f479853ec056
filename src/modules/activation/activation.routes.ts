import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../../config.ts';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { errorResponses } from '../../http/openapi.ts';
import { sessionInfo, tokenBody } from '../auth/auth.schemas.ts';
import type { AuthService } from '../auth/index.ts';
import { type SessionsService, sessionCookieSetter } from '../sessions/index.ts';
import {
  accountParams,
  activationBody,
  activationCheck,
  activationList,
  resent,
  userParams,
} from './activation.schemas.ts';
import type { ActivationService } from './activation.service.ts';

const tags = ['activation'];
const resendLimit = { rateLimit: { max: 30, timeWindow: 60_000 } };

/** The public activation page's two calls: what the link is, and using it. */
export const activationRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  activation: ActivationService;
  auth: AuthService;
  sessions: SessionsService;
}> = async (app, { config, activation, auth, sessions }) => {
  const setSessionCookie = sessionCookieSetter(config, sessions);

  app.post(
    '/api/v1/activation/check',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary:
          'What an activation link is: usable, or accepted, expired or replaced, and whom to ask; the first look is recorded as opened',
        body: tokenBody,
        response: { 200: activationCheck, ...errorResponses(400, 404) },
      },
    },
    async (request) => activation.check(request.body.token),
  );

  app.post(
    '/api/v1/activation/complete',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary:
          'Activate with password, PIN and security question; uses the link up and signs in (sets the session cookie)',
        body: activationBody,
        response: { 200: sessionInfo, ...errorResponses(400, 403, 404, 409, 410, 429) },
      },
    },
    async (request, reply) => {
      const { token, ...choices } = request.body;
      const { session, userId, accountId } = await activation.complete(token, choices, {
        ipAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      await setSessionCookie(request, reply, session);
      return auth.describeSession(userId, accountId);
    },
  );
};

/** Admins (users.manage) see and re-send their account's activations. */
export const accountActivationRoutes: FastifyPluginAsyncTypebox<{
  activation: ActivationService;
}> = async (app, { activation }) => {
  app.get(
    '/api/v1/accounts/:accountId/activations',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary: 'Every activation of the account with its state: sent, opened, expired, accepted, revoked',
        params: accountParams,
        response: { 200: activationList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => activation.list(request.params.accountId),
  );

  app.post(
    '/api/v1/accounts/:accountId/users/:userId/activation',
    {
      config: { ...resendLimit, access: access.member('users.manage') },
      schema: {
        tags,
        summary: "Send a pending user's activation e-mail again; the old link is revoked",
        params: userParams,
        response: { 202: resent, ...errorResponses(401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await activation.resend(request.params.accountId, request.params.userId, auditActor(request))),
  );
};

/** Operators see the activations of any account (re-sending is acting on its order: modules/acting). */
export const operatorActivationRoutes: FastifyPluginAsyncTypebox<{
  activation: ActivationService;
}> = async (app, { activation }) => {
  app.get(
    '/api/v1/operator/accounts/:accountId/activations',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags: ['operator'],
        summary: "Every activation of the account's users with its state",
        params: accountParams,
        response: { 200: activationList, ...errorResponses(401, 404) },
      },
    },
    async (request) => activation.list(request.params.accountId),
  );
};
