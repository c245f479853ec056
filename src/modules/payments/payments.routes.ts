import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { errorResponses } from '../../http/openapi.ts';
import { invoiceParams, operatorInvoiceParams } from '../invoices/invoices.schemas.ts';
import { accountParams } from '../users/users.schemas.ts';
import {
  accountTerms,
  accountTermsBody,
  bankTransfer,
  invoiceLedger,
  manualPaymentBody,
  paymentParams,
  paymentSettings,
  paymentSettingsBody,
  reversalBody,
} from './payments.schemas.ts';
import type { PaymentsService } from './payments.service.ts';

const tags = ['payments'];
const operator = { access: access.operatorArea('billing') };

/** P1, P2, P4: payment settings and terms, an invoice's ledger, and paying by bank transfer. */
export const paymentsRoutes: FastifyPluginAsyncTypebox<{ core: PaymentsService }> = async (app, { core }) => {
  app.get(
    '/api/v1/accounts/:accountId/invoices/:invoiceId/bank-transfer',
    {
      config: { access: access.member('invoices.view') },
      schema: {
        tags,
        summary: 'How to pay the invoice by bank transfer: account, reference, open amount and GiroCode',
        params: invoiceParams,
        response: { 200: bankTransfer, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => core.transfer(request.params.invoiceId, request.params.accountId),
  );

  app.get(
    '/api/v1/operator/payment-settings',
    {
      config: operator,
      schema: {
        tags,
        summary: "The provider's bank account, SEPA creditor id and reminder days",
        response: { 200: paymentSettings, ...errorResponses(401) },
      },
    },
    async () => core.settings(),
  );

  app.put(
    '/api/v1/operator/payment-settings',
    {
      config: operator,
      schema: {
        tags,
        summary: 'Set the payment settings; invoices issued from now on name the bank account',
        body: paymentSettingsBody,
        response: { 200: paymentSettings, ...errorResponses(400, 401) },
      },
    },
    async (request) => core.updateSettings(request.body, auditActor(request)),
  );

  app.get(
    '/api/v1/operator/accounts/:accountId/payment-terms',
    {
      config: operator,
      schema: {
        tags,
        summary: "The account's payment terms and whether its reminders are paused",
        params: accountParams,
        response: { 200: accountTerms, ...errorResponses(401, 404) },
      },
    },
    async (request) => core.accountTerms(request.params.accountId),
  );

  app.put(
    '/api/v1/operator/accounts/:accountId/payment-terms',
    {
      config: operator,
      schema: {
        tags,
        summary:
          'Set the days until invoices are due (from the next invoice on) and pause or resume reminders',
        params: accountParams,
        body: accountTermsBody,
        response: { 200: accountTerms, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => core.updateAccountTerms(request.params.accountId, request.body, auditActor(request)),
  );

  app.get(
    '/api/v1/operator/invoices/:invoiceId/payments',
    {
      config: operator,
      schema: {
        tags,
        summary: "An invoice's payments and counter-entries, and what is still open",
        params: operatorInvoiceParams,
        response: { 200: invoiceLedger, ...errorResponses(401, 404) },
      },
    },
    async (request) => core.ledgerOf(request.params.invoiceId),
  );

  app.post(
    '/api/v1/operator/invoices/:invoiceId/payments',
    {
      config: operator,
      schema: {
        tags,
        summary: 'Book a payment received another way',
        params: operatorInvoiceParams,
        body: manualPaymentBody,
        response: { 200: invoiceLedger, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => core.bookManual(request.params.invoiceId, request.body, auditActor(request)),
  );

  app.post(
    '/api/v1/operator/payments/:paymentId/reversal',
    {
      config: operator,
      schema: {
        tags,
        summary: 'Reverse a payment by a counter-entry (nothing is deleted)',
        params: paymentParams,
        body: reversalBody,
        response: { 200: invoiceLedger, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => core.reverse(request.params.paymentId, request.body.note, auditActor(request)),
  );
};
