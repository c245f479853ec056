import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { errorResponses } from '../../http/openapi.ts';
import { invoiceParams } from '../invoices/invoices.schemas.ts';
import type { OnlinePayments } from './online-payments.ts';

const tags = ['payments'];

/** P6: paying by card on the provider's checkout page, and the provider's webhook. */
export const onlinePaymentsRoutes: FastifyPluginAsyncTypebox<{ online: OnlinePayments }> = async (
  app,
  { online },
) => {
  // Only here is a JSON body kept as the bytes that arrived: the signature is over exactly those.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: 512 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/payment-methods',
    {
      config: { access: access.customer },
      schema: {
        tags,
        summary: 'Which ways of paying online the portal offers',
        response: { 200: Type.Object({ card: Type.Boolean() }), ...errorResponses(401) },
      },
    },
    async () => ({ card: online.available() }),
  );

  app.post(
    '/api/v1/accounts/:accountId/invoices/:invoiceId/online-payment',
    {
      config: { access: access.member('invoices.pay') },
      schema: {
        tags,
        summary: "Start paying the invoice's open amount by card; answers the checkout page to open",
        params: invoiceParams,
        response: { 200: Type.Object({ url: Type.String() }), ...errorResponses(401, 403, 404, 409, 502) },
      },
    },
    async (request) =>
      online.start(request.params.accountId, request.params.invoiceId, auditActor(request), request.locale),
  );

  app.post(
    '/api/v1/payment-providers/stripe/webhook',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Stripe's webhook: events are believed only with a valid Stripe-Signature",
        headers: Type.Object({ 'stripe-signature': Type.Optional(Type.String({ maxLength: 2000 })) }),
        response: { 200: Type.Object({ received: Type.Boolean() }), ...errorResponses(400, 409) },
      },
    },
    async (request) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return online.webhook(body, request.headers['stripe-signature']);
    },
  );
};
