import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { access } from '../../http/access.ts';
import { errorResponses } from '../../http/openapi.ts';
import { accountParams } from '../users/users.schemas.ts';
import { usageFilters, usagePage, usageQuery } from './catalogue.schemas.ts';
import type { UsageService } from './usage.service.ts';

const tags = ['catalogue'];
// Usage is what the invoices bill, so it is for those who see the invoices.
const invoicesView = access.member('invoices.view');

/** B3: the account's usage events, filtered and paged, with totals. */
export const usageRoutes: FastifyPluginAsyncTypebox<{ usage: UsageService }> = async (app, { usage }) => {
  app.get(
    '/api/v1/accounts/:accountId/usage',
    {
      config: { access: invoicesView },
      schema: {
        tags,
        summary:
          "Usage events, newest first, by user, service and days in the account's time zone, with the filter's totals",
        params: accountParams,
        querystring: usageQuery,
        response: { 200: usagePage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => usage.list(request.params.accountId, request.query, request.locale),
  );

  app.get(
    '/api/v1/accounts/:accountId/usage/filters',
    {
      config: { access: invoicesView },
      schema: {
        tags,
        summary: "What the usage filters offer: the account's own users and the catalogue's services",
        params: accountParams,
        response: { 200: usageFilters, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => usage.filters(request.params.accountId, request.locale),
  );
};
