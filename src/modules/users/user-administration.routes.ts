import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { AppError } from '../../shared/app-error.ts';
import { can } from '../../shared/permissions.ts';
import { password, salutation } from '../auth/auth.schemas.ts';
import type { AdminContext, UserAdministration } from './user-administration.ts';
import {
  accountParams,
  createdUser,
  credentials,
  newUserBody,
  personalData,
  personalDataPatch,
  user,
  userList,
  userListQuery,
  userParams,
  userWithCredentials,
} from './users.schemas.ts';
import { allowedTexts } from './users-csv.ts';

const tags = ['users'];
const validationCodes = new Set(['required', 'maxLength', 'pattern', 'email', 'enum']);

const importResult = Type.Object({
  rows: Type.Array(
    Type.Object({
      line: Type.Integer(),
      status: Type.Union([Type.Literal('new'), Type.Literal('exists'), Type.Literal('invalid')]),
      username: Type.String(),
      salutation: Type.Union([salutation, Type.Null()]),
      title: Type.Union([Type.String(), Type.Null()]),
      firstName: Type.String(),
      lastName: Type.String(),
      email: Type.Union([Type.String(), Type.Null()]),
      role: Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('member')]),
      errors: Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
    }),
  ),
  seats: Type.Object({ used: Type.Integer(), limit: Type.Integer() }),
  created: Type.Integer({ description: '0 in a preview' }),
});

export const userAdministrationRoutes: FastifyPluginAsyncTypebox<{
  administration: UserAdministration;
}> = async (app, { administration }) => {
  // accountPermission has already checked that the path's account is the member's.
  const adminContext = (request: FastifyRequest): AdminContext => {
    const member = signedInMember(request);
    return { accountId: member.accountId, actor: { ...auditActor(request), id: member.userId } };
  };

  app.get(
    '/api/v1/accounts/:accountId/users',
    {
      config: { access: access.member() },
      schema: {
        tags,
        summary: 'Users of the account: all of them for admins, only oneself for others; with seats in use',
        params: accountParams,
        querystring: userListQuery,
        response: { 200: userList, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const member = signedInMember(request);
      return administration.listUsers({
        accountId: request.params.accountId,
        viewer: { userId: member.userId, seesAll: can(member, 'users.manage', member.accountId) },
        search: request.query.q?.trim() || undefined,
        page: request.query.page,
        pageSize: request.query.pageSize,
      });
    },
  );

  app.post(
    '/api/v1/accounts/:accountId/users',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary:
          'Create a user: takes a seat, generates the user number and an access key shown once; or sends an activation e-mail',
        params: accountParams,
        body: newUserBody,
        response: { 201: createdUser, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { sendActivation, ...data } = request.body;
      return reply
        .status(201)
        .send(await administration.createUser(adminContext(request), data, { sendActivation }));
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/users/export.csv',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary:
          "Every user of the account as CSV in the caller's language: UTF-8 with BOM; semicolons for German and Hungarian, commas for English",
        params: accountParams,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="users.csv"')
        .header('cache-control', 'no-store')
        .send(await administration.exportUsers(request.params.accountId, request.locale)),
  );

  app.post(
    '/api/v1/accounts/:accountId/users/import',
    {
      config: { access: access.member('users.manage') },
      bodyLimit: 2_000_000,
      schema: {
        tags,
        summary:
          'Import users from CSV: a preview with the problems of each row, then, with confirm, all or nothing',
        params: accountParams,
        body: Type.Object(
          { csv: Type.String({ minLength: 1, maxLength: 1_000_000 }), confirm: Type.Boolean() },
          { additionalProperties: false },
        ),
        response: { 200: importResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const result = await administration.importUsers(adminContext(request), {
        ...request.body,
        locale: request.locale,
      });
      // A row over the limit is one for which every seat is already taken by the rows before it.
      const seats = { used: String(result.seats.limit), limit: String(result.seats.limit) };
      return {
        ...result,
        rows: result.rows.map((row) => ({
          ...row,
          errors: row.errors.map(({ limit, ...problem }) => ({
            ...problem,
            message: validationCodes.has(problem.code)
              ? request.t(`validation.${problem.code}`, {
                  limit: String(limit ?? ''),
                  allowed:
                    problem.field === 'role' || problem.field === 'salutation'
                      ? allowedTexts(request.locale, problem.field)
                      : '',
                })
              : request.t(`errors.${problem.code}`, seats),
          })),
        })),
      };
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/users/:userId',
    {
      config: { access: access.member() },
      schema: {
        tags,
        summary: 'One user',
        params: userParams,
        response: { 200: user, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const member = signedInMember(request);
      const own = request.params.userId === member.userId;
      // Others' records are hidden from members as if they did not exist.
      if (!own && !can(member, 'users.manage', member.accountId)) throw new AppError('NOT_FOUND');
      return administration.getUser(request.params.accountId, request.params.userId);
    },
  );

  app.patch(
    '/api/v1/accounts/:accountId/users/:userId',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary: "Change a user's personal data",
        params: userParams,
        body: personalDataPatch,
        response: { 200: user, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => administration.updateUser(adminContext(request), request.params.userId, request.body),
  );

  app.delete(
    '/api/v1/accounts/:accountId/users/:userId',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary: 'Delete a user and free their seat (never the owner)',
        params: userParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await administration.deleteUser(adminContext(request), request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/accounts/:accountId/users/:userId/reassign',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary:
          'Give a no-longer-needed user to a new person: same user number, new data, every secret rotated',
        params: userParams,
        body: personalData,
        response: { 200: userWithCredentials, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return administration.reassignUser(adminContext(request), request.params.userId, request.body);
    },
  );

  for (const [method, grant] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/api/v1/accounts/:accountId/users/:userId/admin',
      config: { access: access.member('admins.manage') },
      schema: {
        tags,
        summary: grant
          ? 'Grant the admin right'
          : 'Revoke the admin right (never from the last admin or the owner)',
        params: userParams,
        response: { 200: user, ...errorResponses(400, 401, 403, 404, 409) },
      },
      handler: async (request) => {
        const { userId } = request.params as { userId: string };
        return administration.setAdminRight(adminContext(request), userId, grant);
      },
    });
  }

  app.post(
    '/api/v1/accounts/:accountId/users/:userId/access-keys',
    {
      config: { access: access.member('users.manage') },
      schema: {
        tags,
        summary: "Issue a new access key, shown once, after the caller's password; the old key dies at once",
        params: userParams,
        body: Type.Object({ currentPassword: password }, { additionalProperties: false }),
        response: { 201: credentials, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply
        .status(201)
        .send(
          await administration.rotateUserAccessKey(
            adminContext(request),
            request.params.userId,
            request.body.currentPassword,
          ),
        );
    },
  );
};
