import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { errorResponses } from '../../http/openapi.ts';
import { dayRange } from '../../shared/days.ts';
import { id } from '../auth/auth.schemas.ts';
import { operatorRole } from '../operators/operators.schemas.ts';
import type { AuditService } from './audit.service.ts';

const nullableString = Type.Union([Type.String(), Type.Null()]);

const filterQuery = {
  userId: Type.Optional(Type.String({ ...id, description: 'events by or about this user' })),
  action: Type.Optional(Type.String({ maxLength: 64, pattern: '^[a-z_.]+$' })),
  from: Type.Optional(
    Type.String({ format: 'date', description: "first day, inclusive, in the account's time zone" }),
  ),
  to: Type.Optional(Type.String({ format: 'date', description: 'last day, inclusive' })),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
};

const auditPage = Type.Object({
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      createdAt: Type.String(),
      accountId: nullableString,
      account: Type.Union([
        Type.Object({ id: Type.String(), name: Type.String(), customerNumber: Type.String() }),
        Type.Null(),
      ]),
      action: Type.String(),
      actor: Type.Object({
        type: Type.String(),
        id: nullableString,
        name: nullableString,
        kind: Type.Union(
          [
            Type.Literal('customer_user'),
            Type.Literal('invited_user'),
            Type.Literal('operator'),
            Type.Literal('system'),
          ],
          {
            description: 'Who it was then: a user of the account, a person invited from another, an operator',
          },
        ),
        roles: Type.Array(operatorRole, { description: "An operator's roles then" }),
      }),
      target: Type.Union([
        Type.Object({ type: Type.String(), id: Type.String(), name: nullableString }),
        Type.Null(),
      ]),
      details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
      ipAddress: nullableString,
    }),
  ),
});

export const auditRoutes: FastifyPluginAsyncTypebox<{
  audit: AuditService;
  /** Days of the operators' log over all accounts are counted in the portal's default zone. */
  defaultTimeZone: string;
}> = async (app, { audit, defaultTimeZone }) => {
  const timeZoneOf = async (accountId?: string) =>
    (accountId && (await audit.timeZoneOf(accountId))) || defaultTimeZone;
  app.get(
    '/api/v1/accounts/:accountId/audit',
    {
      config: { access: access.member('audit.read') },
      schema: {
        tags: ['audit'],
        summary: "The account's audit log, newest first (admins)",
        params: Type.Object({ accountId: id }),
        querystring: Type.Object(filterQuery, { additionalProperties: false }),
        response: { 200: auditPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { page, pageSize, from, to, ...filter } = request.query;
      const { accountId } = request.params;
      return audit.listEvents(
        { ...filter, ...dayRange(await timeZoneOf(accountId), from, to), accountId },
        page,
        pageSize,
        request.locale,
      );
    },
  );

  app.get(
    '/api/v1/operator/audit',
    {
      config: { access: access.operator },
      schema: {
        tags: ['operator'],
        summary: 'The audit log of every account, newest first',
        querystring: Type.Object(
          { ...filterQuery, accountId: Type.Optional(id) },
          { additionalProperties: false },
        ),
        response: { 200: auditPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { page, pageSize, from, to, ...filter } = request.query;
      const days = dayRange(await timeZoneOf(filter.accountId), from, to);
      return audit.listEvents({ ...filter, ...days }, page, pageSize, request.locale);
    },
  );
};
