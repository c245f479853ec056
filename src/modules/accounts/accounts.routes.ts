import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import { access } from '../../http/access.ts';
import { errorResponses } from '../../http/openapi.ts';
import { identifierBody, identifierOf, tokenBody } from '../auth/auth.schemas.ts';
import { confirmation, registrationBody } from './accounts.schemas.ts';
import type { AccountsService } from './accounts.service.ts';

export const accountsRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  accounts: AccountsService;
}> = async (app, { config, accounts }) => {
  app.post(
    '/api/v1/auth/register',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['auth'],
        summary:
          'Register a customer account and its owner; the same answer whether or not the address is known (ASVS 6.3.8)',
        body: registrationBody,
        response: {
          202: Type.Object({ status: Type.Literal('check-your-email') }),
          ...errorResponses(400, 429),
        },
      },
    },
    async (request, reply) => {
      await accounts.registerAccount(request.body, request.ip);
      return reply.status(202).send({ status: 'check-your-email' as const });
    },
  );

  app.post(
    '/api/v1/auth/resend-confirmation',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['auth'],
        summary:
          'Send the welcome e-mail again to an owner whose address is unconfirmed; the same answer for any identifier',
        body: identifierBody,
        response: { 202: Type.Object({ status: Type.Literal('accepted') }), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await accounts.resendConfirmation(identifierOf(request.body, request.t));
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/api/v1/auth/confirm-email',
    {
      config: { access: access.public },
      schema: {
        tags: ['auth'],
        summary: "Confirm the owner's e-mail address with the welcome e-mail's link; opens the account",
        body: tokenBody,
        response: { 200: confirmation, ...errorResponses(400, 404, 410) },
      },
    },
    async (request) => accounts.confirmRegistration(request.body.token, request.ip),
  );
};
