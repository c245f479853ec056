// P5: the reminders logged on an invoice, for members who see invoices and for operators, and a run now.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { errorResponses } from '../../http/openapi.ts';
import { invoiceParams, operatorInvoiceParams } from '../invoices/invoices.schemas.ts';
import type { Reminders } from './reminders.ts';

const tags = ['payments'];

const reminderLog = Type.Object({
  items: Type.Array(
    Type.Object({
      level: Type.Integer({ description: '1: friendly reminder, 2: second reminder' }),
      sentAt: Type.String(),
      openCents: Type.Integer({ description: 'What was open when it was sent' }),
    }),
  ),
});

export const remindersRoutes: FastifyPluginAsyncTypebox<{ reminders: Reminders }> = async (
  app,
  { reminders },
) => {
  app.get(
    '/api/v1/accounts/:accountId/invoices/:invoiceId/reminders',
    {
      config: { access: access.member('invoices.view') },
      schema: {
        tags,
        summary: 'The payment reminders sent for the invoice',
        params: invoiceParams,
        response: { 200: reminderLog, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => reminders.logOf(request.params.invoiceId, request.params.accountId),
  );

  app.get(
    '/api/v1/operator/invoices/:invoiceId/reminders',
    {
      config: { access: access.operatorArea('billing') },
      schema: {
        tags,
        summary: 'The payment reminders sent for the invoice',
        params: operatorInvoiceParams,
        response: { 200: reminderLog, ...errorResponses(401, 404) },
      },
    },
    async (request) => reminders.logOf(request.params.invoiceId),
  );

  app.post(
    '/api/v1/operator/payment-reminders/run',
    {
      config: { access: access.operatorArea('billing') },
      schema: {
        tags,
        summary: 'Send the payment reminders due today now (the daily run does the same)',
        response: { 200: Type.Object({ sent: Type.Integer() }), ...errorResponses(401) },
      },
    },
    async () => reminders.runReminders(),
  );
};
