import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember } from '../../http/auth.ts';
import { cookieNames, sessionCookieOptions } from '../../http/cookies.ts';
import { errorResponses } from '../../http/openapi.ts';
import { AppError } from '../../shared/app-error.ts';
import { type SessionsService, sessionCookieSetter } from '../sessions/index.ts';
import {
  challengeBody,
  challengeConfirmBody,
  challengeOnlyBody,
  challengeResponse,
  enrolment,
} from '../two-factor/index.ts';
import {
  changeEmailBody,
  changePasswordBody,
  id,
  identifierOf,
  passwordResetBody,
  passwordResetCompleteBody,
  sessionInfo,
  sessionList,
  signInBody,
  tokenBody,
} from './auth.schemas.ts';
import type { AuthService } from './auth.service.ts';

const noContent = { 204: Type.Null() };
const sessionWithRecoveryCodes = Type.Object({
  ...sessionInfo.properties,
  recoveryCodes: Type.Array(Type.String()),
});

export const authRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  auth: AuthService;
  sessions: SessionsService;
}> = async (app, { config, auth, sessions }) => {
  const names = cookieNames(config);
  const signInLimit = { rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 } };
  const browserOf = (request: FastifyRequest) => ({
    ipAddress: request.ip,
    userAgent: request.headers['user-agent'] ?? '',
  });
  const setSessionCookie = sessionCookieSetter(config, sessions);

  app.post(
    '/api/v1/auth/sign-in',
    {
      config: { ...signInLimit, access: access.public },
      schema: {
        tags: ['auth'],
        summary:
          'Sign in with e-mail, or customer number and user number; sets the session cookie, or (202) asks for the second factor',
        body: signInBody,
        response: { 200: sessionInfo, 202: challengeResponse, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { password, staySignedIn } = request.body;
      const result = await auth.signIn({
        identifier: identifierOf(request.body, request.t),
        password,
        staySignedIn: staySignedIn ?? false,
        ...browserOf(request),
      });
      if (result.outcome === 'second-step') return reply.status(202).send(result.challenge);
      await setSessionCookie(request, reply, result.session);
      return result.description;
    },
  );

  app.post(
    '/api/v1/auth/sign-in/two-factor',
    {
      config: { ...signInLimit, access: access.public },
      schema: {
        tags: ['auth'],
        summary: "Second step of sign-in: the app's code or a recovery code; sets the session cookie",
        body: challengeBody,
        response: { 200: sessionInfo, ...errorResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const { session, userId, accountId } = await auth.signInWithSecondFactor({
        ...request.body,
        browser: browserOf(request),
      });
      await setSessionCookie(request, reply, session);
      return auth.describeSession(userId, accountId);
    },
  );

  app.post(
    '/api/v1/auth/sign-in/two-factor/enrolment',
    {
      config: { ...signInLimit, access: access.public },
      schema: {
        tags: ['auth'],
        summary: 'When the account demands a second factor: set up the app within the sign-in',
        body: challengeOnlyBody,
        response: { 200: enrolment, ...errorResponses(400, 401, 409, 429) },
      },
    },
    async (request) => auth.startEnrolmentInSignIn(request.body.challenge),
  );

  app.post(
    '/api/v1/auth/sign-in/two-factor/enrolment/confirm',
    {
      config: { ...signInLimit, access: access.public },
      schema: {
        tags: ['auth'],
        summary: 'Confirm the new app with its first code; starts the session and answers the recovery codes',
        body: challengeConfirmBody,
        response: { 200: sessionWithRecoveryCodes, ...errorResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const { session, userId, accountId, recoveryCodes } = await auth.confirmEnrolmentInSignIn({
        ...request.body,
        browser: browserOf(request),
      });
      await setSessionCookie(request, reply, session);
      return { ...(await auth.describeSession(userId, accountId)), recoveryCodes };
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    {
      config: { access: access.public },
      schema: { tags: ['auth'], summary: 'End the current session', response: noContent },
    },
    async (request, reply) => {
      const token = request.cookies[names.session];
      if (token) await sessions.endSession(token);
      return reply.clearCookie(names.session, sessionCookieOptions(config)).status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { access: access.customer },
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, the account they act in, and their other accounts',
        response: { 200: sessionInfo, ...errorResponses(401) },
      },
    },
    async (request) => {
      const member = signedInMember(request);
      return auth.describeSession(member.userId, member.accountId);
    },
  );

  app.get(
    '/api/v1/auth/sessions',
    {
      config: { access: access.customer },
      schema: {
        tags: ['auth'],
        summary: 'My open sessions',
        response: { 200: sessionList, ...errorResponses(401) },
      },
    },
    async (request) => {
      const member = signedInMember(request);
      const items = await sessions.listUserSessions(member.userId);
      return {
        items: items.map((session) => ({
          ...session,
          staySignedIn: session.staySignedIn === 1,
          current: session.id === member.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/api/v1/auth/sessions/:sessionId',
    {
      config: { access: access.customer },
      schema: {
        tags: ['auth'],
        summary: 'End one of my sessions',
        params: Type.Object({ sessionId: id }),
        response: { ...noContent, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const member = signedInMember(request);
      const ended = await sessions.endUserSessions(member.userId, { only: request.params.sessionId });
      if (ended === 0) throw new AppError('NOT_FOUND');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/sessions/revoke-others',
    {
      config: { access: access.customer },
      schema: {
        tags: ['auth'],
        summary: 'Sign out everywhere else',
        response: { 200: Type.Object({ ended: Type.Integer() }), ...errorResponses(401) },
      },
    },
    async (request) => {
      const member = signedInMember(request);
      return { ended: await sessions.endUserSessions(member.userId, { except: member.sessionId }) };
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { ...signInLimit, access: access.public },
      schema: {
        tags: ['auth'],
        summary:
          'Send a password reset link (30 minutes); the answer never tells whether the address is known',
        body: passwordResetBody,
        response: { 202: Type.Object({ status: Type.Literal('accepted') }), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await auth.requestPasswordReset(request.body.email);
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/check',
    {
      config: { access: access.public },
      schema: {
        tags: ['auth'],
        summary: 'Tell whether a reset link can still be used',
        body: tokenBody,
        response: { 200: Type.Object({ valid: Type.Boolean() }), ...errorResponses(400, 404, 410) },
      },
    },
    async (request) => {
      await auth.checkPasswordResetLink(request.body.token);
      return { valid: true };
    },
  );

  app.post(
    '/api/v1/auth/password-reset/complete',
    {
      config: { ...signInLimit, access: access.public },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset link; ends every session of the user',
        body: passwordResetCompleteBody,
        response: { ...noContent, ...errorResponses(400, 404, 410, 429) },
      },
    },
    async (request, reply) => {
      await auth.completePasswordReset({ ...request.body, ipAddress: request.ip });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/email',
    {
      config: { ...signInLimit, access: access.customer },
      schema: {
        tags: ['me'],
        summary: 'Change my e-mail address: a link goes to the new one, a notice to the old one',
        body: changeEmailBody,
        response: {
          202: Type.Object({ status: Type.Literal('check-your-email') }),
          ...errorResponses(400, 401, 409, 429),
        },
      },
    },
    async (request, reply) => {
      await auth.requestEmailChange({ userId: signedInMember(request).userId, ...request.body });
      return reply.status(202).send({ status: 'check-your-email' as const });
    },
  );

  app.post(
    '/api/v1/auth/confirm-email-change',
    {
      config: { access: access.public },
      schema: {
        tags: ['auth'],
        summary: 'Open the link sent to the new address; the change takes effect',
        body: tokenBody,
        response: { 200: Type.Object({ email: Type.String() }), ...errorResponses(400, 404, 409, 410) },
      },
    },
    async (request) => auth.confirmEmailChange(request.body.token, request.ip),
  );

  app.post(
    '/api/v1/me/password',
    {
      config: { ...signInLimit, access: access.customer },
      schema: {
        tags: ['me'],
        summary: 'Change my password (the current one is required); ends my other sessions',
        body: changePasswordBody,
        response: { ...noContent, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const member = signedInMember(request);
      await auth.changeOwnPassword({
        userId: member.userId,
        sessionId: member.sessionId,
        ...request.body,
        actor: auditActor(request),
      });
      return reply.status(204).send(null);
    },
  );
};
