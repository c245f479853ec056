import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { pinMaxLength } from '../../shared/caller-identification.ts';
import { securityQuestion as question } from '../activation/index.ts';
import { password } from '../auth/auth.schemas.ts';
import type { CallerIdentification } from './caller-identification.service.ts';

const nullableString = Type.Union([Type.String(), Type.Null()]);
const numbers = {
  customerNumber: Type.String({ minLength: 1, maxLength: 20 }),
  userNumber: Type.String({ minLength: 1, maxLength: 20 }),
};

/** The service desk's check of a caller (operators only). */
export const callerIdentificationRoutes: FastifyPluginAsyncTypebox<{
  identification: CallerIdentification;
}> = async (app, { identification }) => {
  const tags = ['operator'];

  app.post(
    '/api/v1/operator/identify-caller/lookup',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary:
          'Whom customer number and user number name, and which security question to ask; never the PIN or answer',
        body: Type.Object(numbers, { additionalProperties: false }),
        response: {
          200: Type.Object({
            user: Type.Object({
              salutation: nullableString,
              title: nullableString,
              firstName: Type.String(),
              lastName: Type.String(),
              userNumber: Type.String(),
            }),
            account: Type.Object({ name: Type.String(), customerNumber: Type.String() }),
            hasPin: Type.Boolean(),
            securityQuestion: Type.Union([question, Type.Null()]),
            waitUntil: Type.Union([Type.String(), Type.Null()], {
              description: 'set while the tries are used up',
            }),
          }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) => identification.lookUp(request.body),
  );

  app.post(
    '/api/v1/operator/identify-caller',
    {
      config: { access: access.operatorArea('support') },
      schema: {
        tags,
        summary:
          'Compare the PIN or answer a caller gives: match or no match; 5 wrong tries per user, then a 15-minute wait; audited',
        body: Type.Object(
          {
            ...numbers,
            method: Type.Union([Type.Literal('pin'), Type.Literal('answer')]),
            value: Type.String({ minLength: 1, maxLength: 400 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            match: Type.Boolean(),
            triesLeft: Type.Integer(),
            waitUntil: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 404, 409, 429),
        },
      },
    },
    async (request) => {
      const { method, value, ...caller } = request.body;
      return identification.identify(caller, { method, value }, auditActor(request));
    },
  );
};

/** The user's own PIN and security question. */
export const ownIdentificationRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  identification: CallerIdentification;
}> = async (app, { config, identification }) => {
  app.put(
    '/api/v1/me/identification',
    {
      config: {
        access: access.customer,
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['me'],
        summary: 'Change my PIN and/or security question (the current password is required)',
        body: Type.Object(
          {
            currentPassword: password,
            pin: Type.Optional(Type.String({ maxLength: pinMaxLength * 4 })),
            security: Type.Optional(
              Type.Object(
                { question, answer: Type.String({ maxLength: 400 }) },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      await identification.changeOwn(signedInMember(request).userId, request.body, auditActor(request));
      return reply.status(204).send(null);
    },
  );
};
