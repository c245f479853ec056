import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember, signedInOperator } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { id } from '../auth/auth.schemas.ts';
import type { Person } from './two-factor.repository.ts';
import {
  codeBody,
  enrolment,
  passwordBody,
  policy,
  recoveryCodes,
  twoFactorStatus,
} from './two-factor.schemas.ts';
import type { TwoFactorService } from './two-factor.service.ts';

/** The own second factor, the same for users (/me) and operators (/operator); plus the account's policy. */
export const twoFactorRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  twoFactor: TwoFactorService;
}> = async (app, { config, twoFactor }) => {
  const passwordLimit = { rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 } };
  const areas = [
    {
      prefix: '/api/v1/me/two-factor',
      tag: 'me',
      who: access.customer,
      person: (request: FastifyRequest): Person => ({ userId: signedInMember(request).userId }),
    },
    {
      prefix: '/api/v1/operator/two-factor',
      tag: 'operator',
      who: access.operatorSelf,
      person: (request: FastifyRequest): Person => ({ operatorId: signedInOperator(request).operatorId }),
    },
  ];

  for (const { prefix, tag, who, person } of areas) {
    app.get(
      prefix,
      {
        config: { access: who },
        schema: {
          tags: [tag],
          summary: 'Whether my two-factor sign-in is on, and how many recovery codes are left',
          response: { 200: twoFactorStatus, ...errorResponses(401) },
        },
      },
      async (request) => twoFactor.status(person(request)),
    );

    app.post(
      `${prefix}/enrolment`,
      {
        config: { access: who },
        schema: {
          tags: [tag],
          summary: 'Start setting up an authenticator app: a new secret, its URI and QR code',
          response: { 200: enrolment, ...errorResponses(401, 409) },
        },
      },
      async (request) => twoFactor.startEnrolment(person(request)),
    );

    app.post(
      `${prefix}/enrolment/confirm`,
      {
        config: { ...passwordLimit, access: who },
        schema: {
          tags: [tag],
          summary: "Turn two-factor sign-in on with the app's first code; answers the recovery codes, once",
          body: codeBody,
          response: { 200: recoveryCodes, ...errorResponses(400, 401, 409, 429) },
        },
      },
      async (request) => ({
        recoveryCodes: await twoFactor.confirmEnrolment(
          person(request),
          request.body.code,
          auditActor(request),
        ),
      }),
    );

    app.post(
      `${prefix}/disable`,
      {
        config: { ...passwordLimit, access: who },
        schema: {
          tags: [tag],
          summary: 'Turn two-factor sign-in off (the current password is required)',
          body: passwordBody,
          response: { 204: Type.Null(), ...errorResponses(400, 401, 409, 429) },
        },
      },
      async (request, reply) => {
        await twoFactor.disable(person(request), request.body.currentPassword, auditActor(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${prefix}/recovery-codes`,
      {
        config: { ...passwordLimit, access: who },
        schema: {
          tags: [tag],
          summary: 'Replace my recovery codes with ten new ones (the current password is required)',
          body: passwordBody,
          response: { 200: recoveryCodes, ...errorResponses(400, 401, 409, 429) },
        },
      },
      async (request) => ({
        recoveryCodes: await twoFactor.renewRecoveryCodes(
          person(request),
          request.body.currentPassword,
          auditActor(request),
        ),
      }),
    );
  }

  const accountParams = Type.Object({ accountId: id });

  app.get(
    '/api/v1/accounts/:accountId/two-factor-policy',
    {
      config: { access: access.member('account.edit') },
      schema: {
        tags: ['accounts'],
        summary: 'Whether everyone in the account must sign in with a second factor',
        params: accountParams,
        response: { 200: policy, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => twoFactor.accountPolicy(request.params.accountId),
  );

  app.put(
    '/api/v1/accounts/:accountId/two-factor-policy',
    {
      config: { access: access.member('account.edit') },
      schema: {
        tags: ['accounts'],
        summary: 'Require a second factor for everyone in the account; members enrol at their next sign-in',
        params: accountParams,
        body: policy,
        response: { 200: policy, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      twoFactor.setAccountPolicy(request.params.accountId, request.body.required, auditActor(request)),
  );
};
