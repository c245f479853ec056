import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { access } from '../../http/access.ts';
import { errorResponses } from '../../http/openapi.ts';
import { sessionInfo, tokenBody } from '../auth/auth.schemas.ts';
import type { AuthService } from '../auth/index.ts';
import { type SessionsService, sessionCookieSetter } from '../sessions/index.ts';
import {
  changesPage,
  changesQuery,
  issuedAccessKey,
  portalLink,
  programMe,
  programUserList,
  userNumberParams,
} from './program-api.schemas.ts';
import type { ProgramService } from './program-api.service.ts';
import { programCaller } from './program-auth.ts';

const tags = ['program'];
const prefix = '/api/program/v1';
/** Every program route: refused credentials, a user or account that may not, too many failed tries. */
const refusals = errorResponses(400, 401, 403, 429);

export const programRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  program: ProgramService;
  auth: AuthService;
  sessions: SessionsService;
}> = async (app, { config, program, auth, sessions }) => {
  const setSessionCookie = sessionCookieSetter(config, sessions);

  app.get(
    `${prefix}/me`,
    {
      config: { access: access.program },
      schema: {
        tags,
        summary: 'P1: who the credentials belong to: user, account, permissions, subscribed services',
        response: { 200: programMe, ...refusals },
      },
    },
    async (request) => program.me(programCaller(request), request.locale),
  );

  app.get(
    `${prefix}/users`,
    {
      config: { access: access.program },
      schema: {
        tags,
        summary: "P2 (admin's key): the account's users for the program's dropdown",
        response: { 200: programUserList, ...refusals },
      },
    },
    async (request) => program.listUsers(programCaller(request)),
  );

  app.post(
    `${prefix}/users/:userNumber/access-key`,
    {
      config: { access: access.program },
      schema: {
        tags,
        summary: "P2 (admin's key): a fresh access key for the user, shown once; their old key stops working",
        params: userNumberParams,
        response: { 200: issuedAccessKey, ...refusals, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return program.issueAccessKey(programCaller(request), request.params.userNumber, request.ip);
    },
  );

  app.get(
    `${prefix}/changes`,
    {
      config: { access: access.program },
      schema: {
        tags,
        summary:
          "P3 (admin's key): users created, changed, reassigned or deleted since a cursor, oldest first",
        querystring: changesQuery,
        response: { 200: changesPage, ...refusals },
      },
    },
    async (request) => program.changes(programCaller(request), request.query.since),
  );

  app.post(
    `${prefix}/portal-link`,
    {
      config: { access: access.program },
      schema: {
        tags,
        summary:
          'P6 (users.manage): a single-use link, valid 60 seconds, that opens the online account signed in',
        response: { 200: portalLink, ...refusals },
      },
    },
    async (request) => program.issuePortalLink(programCaller(request), request.ip),
  );

  const browserOf = (request: FastifyRequest) => ({
    ipAddress: request.ip,
    userAgent: request.headers['user-agent'] ?? '',
  });
  app.post(
    '/api/v1/auth/portal-link',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary: 'P6, in the browser: uses the portal link up and sets the session cookie',
        body: tokenBody,
        response: { 200: sessionInfo, ...errorResponses(400, 403, 404, 410, 429) },
      },
    },
    async (request, reply) => {
      const { session, userId, accountId } = await program.openPortalLink(
        request.body.token,
        browserOf(request),
      );
      await setSessionCookie(request, reply, session);
      return auth.describeSession(userId, accountId);
    },
  );
};
