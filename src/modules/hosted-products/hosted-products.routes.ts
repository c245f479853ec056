import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { errorResponses } from '../../http/openapi.ts';
import { accountParams } from '../users/users.schemas.ts';
import {
  hostedProduct,
  hostedProductBody,
  hostedProductList,
  hostedProductParams,
  hostedProductStateBody,
} from './hosted-products.schemas.ts';
import type { HostedProductContext, HostedProductsService } from './hosted-products.service.ts';

const tags = ['hosted products'];
const operator = { access: access.operatorArea('support') };
const prefix = '/api/v1/operator/accounts/:accountId/hosted-products';

/** D1: hosted products, read by members with "products.view" and kept by operators. */
export const hostedProductsRoutes: FastifyPluginAsyncTypebox<{
  hostedProducts: HostedProductsService;
}> = async (app, { hostedProducts }) => {
  const context = (request: FastifyRequest, accountId: string): HostedProductContext => ({
    accountId,
    actor: auditActor(request),
  });

  app.get(
    '/api/v1/accounts/:accountId/hosted-products',
    {
      config: { access: access.member('products.view') },
      schema: {
        tags,
        summary: 'The products the provider hosts for the account, live ones first',
        params: accountParams,
        response: { 200: hostedProductList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => hostedProducts.list(request.params.accountId),
  );

  app.get(
    prefix,
    {
      config: operator,
      schema: {
        tags,
        summary: "An account's hosted products (operators)",
        params: accountParams,
        response: { 200: hostedProductList, ...errorResponses(401, 404) },
      },
    },
    async (request) => hostedProducts.list(request.params.accountId, { operator: true }),
  );

  app.post(
    prefix,
    {
      config: operator,
      schema: {
        tags,
        summary: 'Assign a hosted product to the account; it starts active',
        params: accountParams,
        body: hostedProductBody,
        response: { 201: hostedProduct, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await hostedProducts.assign(context(request, request.params.accountId), request.body)),
  );

  app.patch(
    `${prefix}/:hostedProductId`,
    {
      config: operator,
      schema: {
        tags,
        summary: 'Suspend or resume a hosted product (an ended one answers 409)',
        params: hostedProductParams,
        body: hostedProductStateBody,
        response: { 200: hostedProduct, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      hostedProducts.changeState(
        context(request, request.params.accountId),
        request.params.hostedProductId,
        request.body.state,
      ),
  );

  app.post(
    `${prefix}/:hostedProductId/end`,
    {
      config: operator,
      schema: {
        tags,
        summary: 'End a hosted product now; it stays listed as ended',
        params: hostedProductParams,
        response: { 200: hostedProduct, ...errorResponses(401, 404, 409) },
      },
    },
    async (request) =>
      hostedProducts.end(context(request, request.params.accountId), request.params.hostedProductId),
  );
};
