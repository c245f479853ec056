import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember } from '../../http/auth.ts';
import { cookieNames, sessionCookieOptions } from '../../http/cookies.ts';
import { errorResponses } from '../../http/openapi.ts';
import type { AccountSwitch } from './account-switch.ts';
import { id, sessionInfo } from './auth.schemas.ts';
import type { AuthService } from './auth.service.ts';

export const accountSwitchRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  auth: AuthService;
  accountSwitch: AccountSwitch;
}> = async (app, { config, auth, accountSwitch }) => {
  const names = cookieNames(config);
  app.put(
    '/api/v1/auth/session/account',
    {
      config: { access: access.customer },
      schema: {
        tags: ['auth'],
        summary: 'Act in another of my accounts (M2): a new session token, audited in both accounts',
        body: Type.Object({ accountId: id }, { additionalProperties: false }),
        response: { 200: sessionInfo, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const member = signedInMember(request);
      const session = await accountSwitch.switchAccount({
        sessionId: member.sessionId,
        userId: member.userId,
        fromAccountId: member.accountId,
        toAccountId: request.body.accountId,
        actor: auditActor(request),
      });
      reply.setCookie(names.session, session.token, sessionCookieOptions(config, session.maxAgeSeconds));
      return auth.describeSession(member.userId, request.body.accountId);
    },
  );
};
