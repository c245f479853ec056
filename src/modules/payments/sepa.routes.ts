// P3: the account's SEPA mandate (members with "pay invoices" give and revoke it; those who view invoices read
// it), and the operators' list of mandates and export of due collections as pain.008.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { errorResponses } from '../../http/openapi.ts';
import { accountParams } from '../users/users.schemas.ts';
import type { DirectDebits } from './direct-debits.ts';
import {
  accountMandate,
  directDebitOverview,
  exportBody,
  exportResult,
  mandate,
  mandateBody,
  operatorMandates,
} from './sepa.schemas.ts';
import type { SepaMandates } from './sepa-mandates.ts';

const tags = ['payments'];
const operator = { access: access.operatorArea('billing') };
const path = '/api/v1/accounts/:accountId/sepa-mandate';

export const sepaRoutes: FastifyPluginAsyncTypebox<{
  mandates: SepaMandates;
  directDebits: DirectDebits;
}> = async (app, { mandates, directDebits }) => {
  app.get(
    path,
    {
      config: { access: access.memberWithAnyOf('invoices.view', 'invoices.pay') },
      schema: {
        tags,
        summary: "The account's active SEPA mandate, and the mandate texts in the caller's language",
        params: accountParams,
        response: { 200: accountMandate, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => mandates.current(request.params.accountId, request.locale),
  );

  app.put(
    path,
    {
      config: { access: access.member('invoices.pay') },
      schema: {
        tags,
        summary: 'Give the SEPA direct debit mandate (replaces an active one)',
        params: accountParams,
        body: mandateBody,
        response: { 200: mandate, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      mandates.give(request.params.accountId, request.body, auditActor(request), request.locale),
  );

  app.delete(
    path,
    {
      config: { access: access.member('invoices.pay') },
      schema: {
        tags,
        summary: 'Revoke the SEPA mandate; it stays on record',
        params: accountParams,
        response: { 200: Type.Object({ revoked: Type.Boolean() }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => mandates.revoke(request.params.accountId, auditActor(request)),
  );

  app.get(
    '/api/v1/operator/sepa-mandates',
    {
      config: operator,
      schema: {
        tags,
        summary: 'Every SEPA mandate, active ones first',
        response: { 200: operatorMandates, ...errorResponses(401) },
      },
    },
    async () => mandates.list(),
  );

  app.get(
    '/api/v1/operator/direct-debits',
    {
      config: operator,
      schema: {
        tags,
        summary: 'What a direct debit export would collect now, and the last collections',
        response: { 200: directDebitOverview, ...errorResponses(401) },
      },
    },
    async () => directDebits.overview(),
  );

  app.post(
    '/api/v1/operator/direct-debits/export',
    {
      config: operator,
      schema: {
        tags,
        summary:
          'Collect every due invoice on the date: announces each by e-mail and answers the pain.008 file',
        body: exportBody,
        response: { 200: exportResult, ...errorResponses(400, 401, 409) },
      },
    },
    async (request) => directDebits.export(request.body.collectionDate, auditActor(request)),
  );
};
