import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { accountParams } from '../users/users.schemas.ts';
import {
  clientBody,
  expressSetup,
  greetingBody,
  myInformationBody,
  operatorBody,
  phone,
  phoneBody,
  phoneParams,
  progressBody,
} from './express-setup.schemas.ts';
import type { ExpressSetupService } from './express-setup.service.ts';

const tags = ['express setup'];
// The company greeting, the operator and the wizard's place concern the whole account.
const accountEdit = access.member('account.edit');
// Everything else is the signed-in user's own, in the account they act in.
const ownSettings = access.member();

export const expressSetupRoutes: FastifyPluginAsyncTypebox<{ expressSetup: ExpressSetupService }> = async (
  app,
  { expressSetup: service },
) => {
  const context = (request: FastifyRequest) => {
    const member = signedInMember(request);
    return { accountId: member.accountId, userId: member.userId, actor: auditActor(request) };
  };
  const base = '/api/v1/accounts/:accountId/express-setup';
  const state = { 200: expressSetup, ...errorResponses(400, 401, 403, 404) };

  app.get(
    base,
    {
      config: { access: ownSettings },
      schema: {
        tags,
        summary:
          "The express setup: the account's greeting and operator, the caller's own settings and phones",
        params: accountParams,
        response: { 200: expressSetup, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => service.getExpressSetup(context(request)),
  );

  app.put(
    `${base}/progress`,
    {
      config: { access: accountEdit },
      schema: {
        tags,
        summary: "The wizard's step, and whether it is open, finished or put off for later",
        params: accountParams,
        body: progressBody,
        response: state,
      },
    },
    async (request) => service.setProgress(context(request), request.body),
  );

  app.put(
    `${base}/company-greeting`,
    {
      config: { access: accountEdit },
      schema: {
        tags,
        summary: 'What callers of the main number hear: the default built from the company name, or a text',
        params: accountParams,
        body: greetingBody,
        response: state,
      },
    },
    async (request) => service.setCompanyGreeting(context(request), request.body),
  );

  app.put(
    `${base}/operator`,
    {
      config: { access: accountEdit },
      schema: {
        tags,
        summary: 'The user of the account who takes the calls to the main number',
        params: accountParams,
        body: operatorBody,
        response: state,
      },
    },
    async (request) => service.setOperator(context(request), request.body),
  );

  app.put(
    `${base}/my-information`,
    {
      config: { access: ownSettings },
      schema: {
        tags,
        summary: "The caller's phone numbers (stored as E.164), language, time zone, country and formats",
        params: accountParams,
        body: myInformationBody,
        response: state,
      },
    },
    async (request) => service.setMyInformation(context(request), request.body),
  );

  app.post(
    `${base}/phones`,
    {
      config: { access: ownSettings },
      schema: {
        tags,
        summary:
          'Add a desk phone of the catalogue, with its MAC address (stored as AA:BB:CC:DD:EE:FF) or serial',
        params: accountParams,
        body: phoneBody,
        response: { 201: phone, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await service.addPhone(context(request), request.body)),
  );

  app.delete(
    `${base}/phones/:phoneId`,
    {
      config: { access: ownSettings },
      schema: {
        tags,
        summary: "Remove one of the caller's phones",
        params: phoneParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.removePhone(context(request), request.params.phoneId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    `${base}/voicemail-greeting`,
    {
      config: { access: ownSettings },
      schema: {
        tags,
        summary: "The caller's voicemail greeting: the default with their name, or a text",
        params: accountParams,
        body: greetingBody,
        response: state,
      },
    },
    async (request) => service.setVoicemailGreeting(context(request), request.body),
  );

  app.put(
    `${base}/client`,
    {
      config: { access: ownSettings },
      schema: {
        tags,
        summary: 'How the caller uses the service: the desktop app, the mobile app or the browser',
        params: accountParams,
        body: clientBody,
        response: state,
      },
    },
    async (request) => service.setClient(context(request), request.body),
  );
};
