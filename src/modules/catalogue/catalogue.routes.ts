import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { errorResponses } from '../../http/openapi.ts';
import {
  newPriceBody,
  newServiceBody,
  price,
  serviceChangeBody,
  serviceDetail,
  serviceList,
  serviceParams,
} from './catalogue.schemas.ts';
import type { CatalogueService } from './catalogue.service.ts';

const tags = ['catalogue'];
const operator = { access: access.operatorArea('billing') };

/** P4, D1: the operators keep the catalogue of online services and their prices. */
export const catalogueRoutes: FastifyPluginAsyncTypebox<{ catalogue: CatalogueService }> = async (
  app,
  { catalogue },
) => {
  app.get(
    '/api/v1/operator/services',
    {
      config: operator,
      schema: {
        tags,
        summary: 'The catalogue: every service by code, with its price now and the next one',
        response: { 200: serviceList, ...errorResponses(401) },
      },
    },
    async () => catalogue.list(),
  );

  app.post(
    '/api/v1/operator/services',
    {
      config: operator,
      schema: {
        tags,
        summary: 'Add a service; its code is fixed from then on. Prices are added on their own',
        body: newServiceBody,
        response: { 201: serviceDetail, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalogue.create(auditActor(request), request.body)),
  );

  app.get(
    '/api/v1/operator/services/:serviceId',
    {
      config: operator,
      schema: {
        tags,
        summary: 'One service with its whole price history',
        params: serviceParams,
        response: { 200: serviceDetail, ...errorResponses(401, 404) },
      },
    },
    async (request) => catalogue.get(request.params.serviceId),
  );

  app.patch(
    '/api/v1/operator/services/:serviceId',
    {
      config: operator,
      schema: {
        tags,
        summary: 'Change names, unit, adapter, provider URL or the active flag (never the code)',
        params: serviceParams,
        body: serviceChangeBody,
        response: { 200: serviceDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => catalogue.update(auditActor(request), request.params.serviceId, request.body),
  );

  app.post(
    '/api/v1/operator/services/:serviceId/prices',
    {
      config: operator,
      schema: {
        tags,
        summary: 'Add a price from now or a later moment; prices are never changed or removed',
        params: serviceParams,
        body: newPriceBody,
        response: { 201: price, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await catalogue.addPrice(auditActor(request), request.params.serviceId, request.body)),
  );
};
