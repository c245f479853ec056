import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { id, password } from '../auth/auth.schemas.ts';
import type { MemberPermissions } from './member-permissions.ts';
import type { Ownership } from './ownership.ts';
import { accountParams, permissionsBody, user, userParams } from './users.schemas.ts';

// M3 and U5: who holds which rights in an account, and who owns it.
export const memberPermissionsRoutes: FastifyPluginAsyncTypebox<{
  memberPermissions: MemberPermissions;
  ownership: Ownership;
}> = async (app, { memberPermissions, ownership }) => {
  const context = (request: FastifyRequest) => {
    const member = signedInMember(request);
    return {
      accountId: member.accountId,
      actor: { ...auditActor(request), id: member.userId },
      grant: member,
    };
  };

  app.put(
    '/api/v1/accounts/:accountId/users/:userId/permissions',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags: ['users'],
        summary: "Set a member's permissions (M3); only permissions the caller holds can be given or taken",
        params: userParams,
        body: permissionsBody,
        response: { 200: user, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      memberPermissions.setPermissions(context(request), request.params.userId, request.body.permissions),
  );

  app.put(
    '/api/v1/accounts/:accountId/owner',
    {
      config: { access: access.member() },
      schema: {
        tags: ['users'],
        summary: 'Hand ownership to an admin of the account (the owner only, with their password)',
        params: accountParams,
        body: Type.Object({ userId: id, currentPassword: password }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await ownership.transferOwnership(context(request), request.body.userId, request.body.currentPassword);
      return reply.status(204).send(null);
    },
  );
};
