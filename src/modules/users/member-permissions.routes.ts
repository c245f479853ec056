import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { preHandlerAsyncHookHandler } from 'fastify';
import { auditActor } from '../../http/audit-actor.ts';
import { accountPermission, signedInMember } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import type { MemberPermissions } from './member-permissions.ts';
import { permissionsBody, user, userParams } from './users.schemas.ts';

export const memberPermissionsRoutes: FastifyPluginAsyncTypebox<{
  memberPermissions: MemberPermissions;
  requireMember: preHandlerAsyncHookHandler;
}> = async (app, { memberPermissions, requireMember }) => {
  app.addHook('preHandler', requireMember);

  app.put(
    '/api/v1/accounts/:accountId/users/:userId/permissions',
    {
      preHandler: [accountPermission('users.manage')],
      schema: {
        tags: ['users'],
        summary: "Set a member's permissions (M3); only permissions the caller holds can be given or taken",
        params: userParams,
        body: permissionsBody,
        response: { 200: user, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const member = signedInMember(request);
      return memberPermissions.setPermissions(
        { accountId: member.accountId, actor: { ...auditActor(request), id: member.userId }, grant: member },
        request.params.userId,
        request.body.permissions,
      );
    },
  );
};
