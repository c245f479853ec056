import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember } from '../../http/auth.ts';
import { cookieNames, sessionCookieOptions } from '../../http/cookies.ts';
import { errorResponses } from '../../http/openapi.ts';
import { sessionInfo } from '../auth/auth.schemas.ts';
import type { AuthService } from '../auth/index.ts';
import { type SessionsService, sessionCookieSetter } from '../sessions/index.ts';
import { accountParams } from '../users/users.schemas.ts';
import {
  guestList,
  guestParams,
  invitation,
  invitationList,
  invitationParams,
  invitationPreview,
  invitationToken,
  inviteBody,
  registrationBody,
} from './invitations.schemas.ts';
import type { InvitationsService } from './invitations.service.ts';

const tags = ['invitations'];

export const invitationsRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  auth: AuthService;
  sessions: SessionsService;
  invitations: InvitationsService;
}> = async (app, { config, auth, sessions, invitations }) => {
  const names = cookieNames(config);
  const setSessionCookie = sessionCookieSetter(config, sessions);
  const context = (request: FastifyRequest) => {
    const member = signedInMember(request);
    return {
      accountId: member.accountId,
      actor: { ...auditActor(request), id: member.userId },
      grant: member,
    };
  };

  app.get(
    '/api/v1/accounts/:accountId/invitations',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary: 'Invitations of the account, newest first, with their state',
        params: accountParams,
        response: { 200: invitationList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => invitations.list(request.params.accountId),
  );

  app.post(
    '/api/v1/accounts/:accountId/invitations',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary: 'Invite a person by e-mail with chosen permissions (only ones the caller holds); 48 hours',
        params: accountParams,
        body: inviteBody,
        response: { 201: invitation, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invitations.invite(context(request), request.body)),
  );

  app.post(
    '/api/v1/accounts/:accountId/invitations/:invitationId/resend',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary: 'Send an invitation again: a new link, the old one stops working',
        params: invitationParams,
        response: { 201: invitation, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invitations.resend(context(request), request.params.invitationId)),
  );

  app.delete(
    '/api/v1/accounts/:accountId/invitations/:invitationId',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary: 'Withdraw an invitation that has not been accepted',
        params: invitationParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await invitations.cancel(context(request), request.params.invitationId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/guests',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary: 'People from other accounts who accepted an invitation, with their permissions',
        params: accountParams,
        response: { 200: guestList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => invitations.listGuests(request.params.accountId),
  );

  app.delete(
    '/api/v1/accounts/:accountId/guests/:userId',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary: 'Remove an invited person from the account (their own login stays)',
        params: guestParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await invitations.removeGuest(context(request), request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/invitations/check',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary: 'What an invitation link offers, or what happened to it and whom to ask',
        body: invitationToken,
        response: { 200: invitationPreview, ...errorResponses(400, 404, 410, 429) },
      },
    },
    async (request) => invitations.check(request.body.token),
  );
  app.post(
    '/api/v1/invitations/accept',
    {
      config: { access: access.customer },
      schema: {
        tags,
        summary: 'Accept an invitation to my own address; I then act in that account (new session token)',
        body: invitationToken,
        response: { 200: sessionInfo, ...errorResponses(400, 401, 403, 404, 409, 410) },
      },
    },
    async (request, reply) => {
      const member = signedInMember(request);
      const accepted = await invitations.accept(request.body.token, member, auditActor(request));
      reply.setCookie(
        names.session,
        accepted.session.token,
        sessionCookieOptions(config, accepted.session.maxAgeSeconds),
      );
      return auth.describeSession(member.userId, accepted.accountId);
    },
  );

  app.post(
    '/api/v1/invitations/register',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary:
          'Accept an invitation with a new personal login (name and password; no account of my own); signs in',
        body: registrationBody,
        response: { 200: sessionInfo, ...errorResponses(400, 404, 409, 410, 429) },
      },
    },
    async (request, reply) => {
      const { token, ...identity } = request.body;
      const joined = await invitations.register(
        token,
        { salutation: null, title: null, locale: null, ...identity },
        { ipAddress: request.ip, userAgent: request.headers['user-agent'] ?? '' },
      );
      await setSessionCookie(request, reply, joined.session);
      return auth.describeSession(joined.userId, joined.accountId);
    },
  );
};
