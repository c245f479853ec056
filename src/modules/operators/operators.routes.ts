import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import { access } from '../../http/access.ts';
import { signedInOperator } from '../../http/auth.ts';
import { cookieNames, sessionCookieOptions } from '../../http/cookies.ts';
import { errorResponses } from '../../http/openapi.ts';
import { locale, passwordResetBody, passwordResetCompleteBody, tokenBody } from '../auth/auth.schemas.ts';
import { type SessionsService, sessionCookieSetter } from '../sessions/index.ts';
import {
  challengeBody,
  challengeConfirmBody,
  challengeOnlyBody,
  challengeResponse,
  enrolment,
} from '../two-factor/index.ts';
import { operator, operatorResponse, setupBody, setupCheckBody, signInBody } from './operators.schemas.ts';
import type { OperatorsService } from './operators.service.ts';

export const operatorRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  operators: OperatorsService;
  sessions: SessionsService;
}> = async (app, { config, operators, sessions }) => {
  const names = cookieNames(config);
  const browserOf = (request: FastifyRequest) => ({
    ipAddress: request.ip,
    userAgent: request.headers['user-agent'] ?? '',
  });
  const setSessionCookie = sessionCookieSetter(config, sessions);

  app.post(
    '/api/v1/operator/setup/check',
    {
      config: { access: access.public },
      schema: {
        tags: ['operator'],
        summary: 'Tell whether a set-up link can still be used',
        body: setupCheckBody,
        response: {
          200: { type: 'object', properties: { valid: { type: 'boolean' } } },
          ...errorResponses(400, 404, 410),
        },
      },
    },
    async (request) => {
      await operators.checkSetupToken(request.body.token);
      return { valid: true };
    },
  );

  app.post(
    '/api/v1/operator/setup',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['operator'],
        summary: 'Create an operator with a single-use set-up link',
        body: setupBody,
        response: { 201: operatorResponse, ...errorResponses(400, 404, 409, 410, 429) },
      },
    },
    async (request, reply) => {
      const operator = await operators.completeOperatorSetup(request.body);
      return reply.status(201).send({ operator });
    },
  );

  app.post(
    '/api/v1/operator/sign-in',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['operator'],
        summary: 'Sign in as an operator; sets the session cookie, or (202) asks for the second factor',
        body: signInBody,
        response: { 200: operatorResponse, 202: challengeResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const result = await operators.signInOperator({ ...request.body, ...browserOf(request) });
      if (result.outcome === 'second-step') return reply.status(202).send(result.challenge);
      await setSessionCookie(request, reply, result.session);
      return { operator: result.operator };
    },
  );

  app.post(
    '/api/v1/operator/sign-in/two-factor',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['operator'],
        summary: "Second step of an operator's sign-in: the app's code or a recovery code",
        body: challengeBody,
        response: { 200: operatorResponse, ...errorResponses(400, 401, 409, 429) },
      },
    },
    async (request, reply) => {
      const { session, operator } = await operators.signInOperatorWithSecondFactor({
        ...request.body,
        ...browserOf(request),
      });
      await setSessionCookie(request, reply, session);
      return { operator };
    },
  );

  app.post(
    '/api/v1/operator/sign-in/two-factor/enrolment',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['operator'],
        summary: 'When the provider requires a second factor of operators: set up the app within the sign-in',
        body: challengeOnlyBody,
        response: { 200: enrolment, ...errorResponses(400, 401, 409, 429) },
      },
    },
    async (request) => operators.startEnrolmentInSignIn(request.body.challenge),
  );

  app.post(
    '/api/v1/operator/sign-in/two-factor/enrolment/confirm',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['operator'],
        summary: 'Confirm the new app with its first code; starts the session and answers the recovery codes',
        body: challengeConfirmBody,
        response: {
          200: Type.Object({ operator, recoveryCodes: Type.Array(Type.String()) }),
          ...errorResponses(400, 401, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const { session, operator, recoveryCodes } = await operators.confirmEnrolmentInSignIn({
        ...request.body,
        ...browserOf(request),
      });
      await setSessionCookie(request, reply, session);
      return { operator, recoveryCodes };
    },
  );

  app.post(
    '/api/v1/operator/sign-out',
    {
      config: { access: access.public },
      schema: { tags: ['operator'], summary: 'End the current session', response: { 204: { type: 'null' } } },
    },
    async (request, reply) => {
      const token = request.cookies[names.session];
      if (token) await sessions.endSession(token);
      return reply.clearCookie(names.session, sessionCookieOptions(config)).status(204).send(null);
    },
  );

  app.get(
    '/api/v1/operator/session',
    {
      config: { access: access.operator },
      schema: {
        tags: ['operator'],
        summary: 'The signed-in operator',
        response: { 200: operatorResponse, ...errorResponses(401) },
      },
    },
    async (request) => {
      const { operatorId: id, name, email, locale, roles } = signedInOperator(request);
      return { operator: { id, name, email, locale, roles } };
    },
  );

  app.patch(
    '/api/v1/operator/me',
    {
      config: { access: access.operatorSelf },
      schema: {
        tags: ['operator'],
        summary: 'Change my language (of my pages, messages and e-mails)',
        body: Type.Object({ locale }, { additionalProperties: false }),
        response: { 200: operatorResponse, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { operatorId: id, name, email, roles } = signedInOperator(request);
      await operators.setLocale(id, request.body.locale);
      return { operator: { id, name, email, locale: request.body.locale, roles } };
    },
  );

  app.post(
    '/api/v1/operator/password-reset',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['operator'],
        summary:
          "Send an operator a password reset link (30 minutes); the answer never tells whether it is one's",
        body: passwordResetBody,
        response: { 202: Type.Object({ status: Type.Literal('accepted') }), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await operators.requestPasswordReset(request.body.email);
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/api/v1/operator/password-reset/check',
    {
      config: { access: access.public },
      schema: {
        tags: ['operator'],
        summary: "Tell whether an operator's reset link can still be used",
        body: tokenBody,
        response: { 200: Type.Object({ valid: Type.Boolean() }), ...errorResponses(400, 404, 410) },
      },
    },
    async (request) => {
      await operators.checkPasswordResetLink(request.body.token);
      return { valid: true };
    },
  );

  app.post(
    '/api/v1/operator/password-reset/complete',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['operator'],
        summary: "Set an operator's new password with a reset link; ends every session of the operator",
        body: passwordResetCompleteBody,
        response: { 204: Type.Null(), ...errorResponses(400, 404, 410, 429) },
      },
    },
    async (request, reply) => {
      await operators.completePasswordReset(request.body);
      return reply.status(204).send(null);
    },
  );
};
