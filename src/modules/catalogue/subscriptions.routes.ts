import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { accountParams } from '../users/users.schemas.ts';
import {
  subscribeBody,
  subscription,
  subscriptionList,
  subscriptionOptions,
  subscriptionParams,
} from './catalogue.schemas.ts';
import type { SubscriptionContext, SubscriptionsService } from './subscriptions.service.ts';

const tags = ['catalogue'];

/**
 * P4, P5: an account's subscriptions, for members with "products.view" (booking and ending for its owner
 * and admins) and, under /operator, for operators on any account.
 */
export const subscriptionsRoutes: FastifyPluginAsyncTypebox<{ subscriptions: SubscriptionsService }> = async (
  app,
  { subscriptions },
) => {
  const context = (request: FastifyRequest, accountId: string): SubscriptionContext => ({
    accountId,
    actor: auditActor(request),
    role: request.member ? signedInMember(request).role : undefined,
    locale: request.locale,
  });

  for (const [prefix, declared, who] of [
    ['/api/v1/accounts/:accountId', access.member('products.view'), 'owner and admins'],
    ['/api/v1/operator/accounts/:accountId', access.operatorArea('billing'), 'operators'],
  ] as const) {
    app.get(
      `${prefix}/subscriptions`,
      {
        config: { access: declared },
        schema: {
          tags,
          summary: "The account's subscriptions, live ones first, with the service's price now",
          params: accountParams,
          response: { 200: subscriptionList, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => subscriptions.list(context(request, request.params.accountId)),
    );

    app.get(
      `${prefix}/subscriptions/options`,
      {
        config: { access: declared },
        schema: {
          tags,
          summary: `What can be booked: active services and the account's own users (${who})`,
          params: accountParams,
          response: { 200: subscriptionOptions, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => subscriptions.options(context(request, request.params.accountId)),
    );

    app.post(
      `${prefix}/subscriptions`,
      {
        config: { access: declared },
        schema: {
          tags,
          summary: `Subscribe the whole account or chosen users to an active service (${who})`,
          params: accountParams,
          body: subscribeBody,
          response: { 201: subscriptionList, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await subscriptions.subscribe(context(request, request.params.accountId), request.body)),
    );

    app.post(
      `${prefix}/subscriptions/:subscriptionId/end`,
      {
        config: { access: declared },
        schema: {
          tags,
          summary: `End a subscription now; it stays listed as ended (${who})`,
          params: subscriptionParams,
          response: { 200: subscription, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) =>
        subscriptions.end(context(request, request.params.accountId), request.params.subscriptionId),
    );
  }
};
