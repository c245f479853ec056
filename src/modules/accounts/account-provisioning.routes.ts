import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { errorResponses } from '../../http/openapi.ts';
import { email, id, line, locale, salutation } from '../auth/auth.schemas.ts';
import type { AccountProvisioning } from './account-provisioning.ts';

const tags = ['operator'];
const nullable = (maxLength: number) => Type.Optional(Type.Union([line(maxLength, 0), Type.Null()]));
const timezone = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$' });
const billing = Type.Object(
  {
    street: nullable(200),
    postalCode: nullable(20),
    city: nullable(100),
    country: nullable(100),
    vatId: nullable(30),
  },
  { additionalProperties: false },
);
const seatLimit = Type.Integer({ minimum: 1, maximum: 100_000 });

const account = Type.Object({
  id: Type.String(),
  customerNumber: Type.String(),
  name: Type.String(),
  status: Type.String(),
  seatLimit: Type.Integer(),
  seatsUsed: Type.Integer(),
  locale: Type.String(),
  timezone: Type.String(),
  billing: Type.Object({
    street: Type.Union([Type.String(), Type.Null()]),
    postalCode: Type.Union([Type.String(), Type.Null()]),
    city: Type.Union([Type.String(), Type.Null()]),
    country: Type.Union([Type.String(), Type.Null()]),
    vatId: Type.Union([Type.String(), Type.Null()]),
  }),
  owner: Type.Union([
    Type.Object({
      title: Type.Union([Type.String(), Type.Null()]),
      firstName: Type.String(),
      lastName: Type.String(),
      email: Type.Union([Type.String(), Type.Null()]),
      pendingActivation: Type.Boolean({
        description: 'the main user has not yet come in: a link can be sent again',
      }),
    }),
    Type.Null(),
  ]),
  createdAt: Type.String(),
});

const accountParams = Type.Object({ accountId: id });

export const accountProvisioningRoutes: FastifyPluginAsyncTypebox<{
  provisioning: AccountProvisioning;
}> = async (app, { provisioning }) => {
  app.get(
    '/api/v1/operator/accounts',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary: 'Search customer accounts by name, customer number or owner',
        querystring: Type.Object(
          {
            q: Type.Optional(line(100, 0)),
            status: Type.Optional(
              Type.Union([
                Type.Literal('pending_confirmation'),
                Type.Literal('active'),
                Type.Literal('suspended'),
              ]),
            ),
            page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
            pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(account),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) =>
      provisioning.searchAccounts({ ...request.query, search: request.query.q?.trim() || undefined }),
  );

  app.post(
    '/api/v1/operator/accounts',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary:
          'Create a customer account for an order, with its main user, who gets an activation link (48 hours, once)',
        body: Type.Object(
          {
            name: line(200),
            seatLimit,
            locale,
            timezone,
            billing: Type.Optional(billing),
            mainUser: Type.Object(
              {
                salutation: Type.Optional(Type.Union([salutation, Type.Null()])),
                title: Type.Optional(line(50, 0)),
                firstName: line(100),
                lastName: line(100),
                username: Type.Optional(line(100, 0)),
                email,
              },
              { additionalProperties: false },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: account, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await provisioning.provisionAccount(request.body, auditActor(request))),
  );

  app.get(
    '/api/v1/operator/accounts/:accountId',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary: 'One customer account',
        params: accountParams,
        response: { 200: account, ...errorResponses(401, 404) },
      },
    },
    async (request) => provisioning.getAccount(request.params.accountId),
  );

  app.patch(
    '/api/v1/operator/accounts/:accountId',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary: "Change an account's name, seat limit, language, time zone or billing data",
        params: accountParams,
        body: Type.Object(
          {
            name: Type.Optional(line(200)),
            seatLimit: Type.Optional(seatLimit),
            locale: Type.Optional(locale),
            timezone: Type.Optional(timezone),
            billing: Type.Optional(billing),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: account, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      provisioning.updateAccount(request.params.accountId, request.body, auditActor(request)),
  );

  app.post(
    '/api/v1/operator/accounts/:accountId/resend-main-user-link',
    {
      config: { access: access.operatorArea('support'), rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary:
          "Send the main user's link again: the welcome while a registration is unconfirmed, else the activation link (the old one is revoked)",
        params: accountParams,
        response: { 200: Type.Object({ sentTo: Type.String() }), ...errorResponses(401, 404, 409, 429) },
      },
    },
    async (request) => provisioning.resendMainUserLink(request.params.accountId, auditActor(request)),
  );

  for (const [action, status] of [
    ['suspend', 'suspended'],
    ['reactivate', 'active'],
  ] as const) {
    app.post(
      `/api/v1/operator/accounts/:accountId/${action}`,
      {
        config: { access: access.operatorArea('support') },
        schema: {
          tags,
          summary:
            status === 'suspended' ? 'Suspend: its users can no longer sign in or call APIs' : 'Reactivate',
          params: accountParams,
          response: { 200: account, ...errorResponses(401, 404) },
        },
      },
      async (request) => provisioning.setAccountStatus(request.params.accountId, status, auditActor(request)),
    );
  }
};
