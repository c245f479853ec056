import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { errorResponses } from '../../http/openapi.ts';
import { accountParams } from '../users/users.schemas.ts';
import type { CreditNotes } from './credit-notes.ts';
import type { InvoiceRun } from './invoice-run.ts';
import {
  creditNoteBody,
  invoiceDetail,
  invoiceList,
  invoiceParams,
  invoicePreview,
  operatorInvoiceParams,
  runBody,
  runResult,
  runsOverview,
} from './invoices.schemas.ts';
import type { InvoicesService } from './invoices.service.ts';

const tags = ['invoices'];
const download = (type: string) => ({
  produces: [type],
  response: { 200: Type.String({ format: 'binary' }), ...errorResponses(401, 403, 404) },
});

/** Downloads only, never shown inline, never kept by a shared cache. */
const send = (reply: FastifyReply, type: string, filename: string, body: Buffer | string) =>
  reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(body);

export const invoicesRoutes: FastifyPluginAsyncTypebox<{
  invoices: InvoicesService;
  run: InvoiceRun;
  creditNotes: CreditNotes;
}> = async (app, { invoices, run, creditNotes }) => {
  app.get(
    '/api/v1/accounts/:accountId/invoices',
    {
      config: { access: access.member('invoices.view') },
      schema: {
        tags,
        summary: "The account's invoices and credit notes, newest first",
        params: accountParams,
        response: { 200: invoiceList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => invoices.list(request.params.accountId),
  );

  app.get(
    '/api/v1/accounts/:accountId/invoice-preview',
    {
      config: { access: access.member('invoices.view') },
      schema: {
        tags,
        summary:
          'The running month so far: what the next invoice would bill if the month ended now (computed, no number)',
        params: accountParams,
        response: { 200: invoicePreview, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => invoices.preview(request.params.accountId, request.locale),
  );

  app.get(
    '/api/v1/accounts/:accountId/invoices/:invoiceId',
    {
      config: { access: access.member('invoices.view') },
      schema: {
        tags,
        summary:
          'An invoice or credit note with its lines, VAT per rate and the appendix per user and service',
        params: invoiceParams,
        response: { 200: invoiceDetail, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => invoices.get(request.params.invoiceId, request.params.accountId),
  );

  app.get(
    '/api/v1/accounts/:accountId/invoices/:invoiceId/pdf',
    {
      config: { access: access.member('invoices.view') },
      schema: {
        tags,
        summary: 'The PDF/A-3 as issued, with the EN 16931 XML embedded',
        params: invoiceParams,
        ...download('application/pdf'),
      },
    },
    async (request, reply) => {
      const stored = await invoices.documents(request.params.invoiceId, request.params.accountId);
      return send(reply, 'application/pdf', `${stored.number}.pdf`, stored.pdf);
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/invoices/:invoiceId/xml',
    {
      config: { access: access.member('invoices.view') },
      schema: {
        tags,
        summary: 'The EN 16931 CII XML as issued',
        params: invoiceParams,
        ...download('application/xml'),
      },
    },
    async (request, reply) => {
      const stored = await invoices.documents(request.params.invoiceId, request.params.accountId);
      return send(reply, 'application/xml; charset=utf-8', `${stored.number}.xml`, stored.xml);
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/invoices/:invoiceId/usage.csv',
    {
      config: { access: access.member('invoices.view') },
      schema: {
        tags,
        summary:
          "Every request the invoice billed (who, when, service, reference, net) as CSV in the caller's language",
        params: invoiceParams,
        ...download('text/csv'),
      },
    },
    async (request, reply) => {
      const { number, csv } = await invoices.usageCsv(
        request.params.invoiceId,
        request.params.accountId,
        request.locale,
      );
      return send(reply, 'text/csv; charset=utf-8', `${number}-usage.csv`, csv);
    },
  );

  app.get(
    '/api/v1/operator/invoice-runs',
    {
      config: { access: access.operatorArea('billing') },
      schema: {
        tags,
        summary: 'Per month: its state, the invoices issued and the accounts whose usage still waits',
        response: { 200: runsOverview, ...errorResponses(401) },
      },
    },
    async () => invoices.runs(),
  );

  app.post(
    '/api/v1/operator/invoice-runs',
    {
      config: { access: access.operatorArea('billing') },
      schema: {
        tags,
        summary:
          'Bill a month that has ended (in grace or closed); accounts already billed for it are left alone',
        body: runBody,
        response: { 200: runResult, ...errorResponses(400, 401, 409) },
      },
    },
    async (request) => run.run({ month: request.body.month, actor: auditActor(request) }),
  );

  app.get(
    '/api/v1/operator/accounts/:accountId/invoices',
    {
      config: { access: access.operatorArea('billing') },
      schema: {
        tags,
        summary: "A customer account's invoices and credit notes, newest first",
        params: accountParams,
        response: { 200: invoiceList, ...errorResponses(401) },
      },
    },
    async (request) => invoices.list(request.params.accountId),
  );

  app.get(
    '/api/v1/operator/invoices/:invoiceId',
    {
      config: { access: access.operatorArea('billing') },
      schema: {
        tags,
        summary: 'An invoice or credit note of any account, with what is left to credit per line',
        params: operatorInvoiceParams,
        response: { 200: invoiceDetail, ...errorResponses(401, 404) },
      },
    },
    async (request) => invoices.get(request.params.invoiceId),
  );

  app.get(
    '/api/v1/operator/invoices/:invoiceId/pdf',
    {
      config: { access: access.operatorArea('billing') },
      schema: {
        tags,
        summary: 'The PDF as issued',
        params: operatorInvoiceParams,
        ...download('application/pdf'),
      },
    },
    async (request, reply) => {
      const stored = await invoices.documents(request.params.invoiceId);
      return send(reply, 'application/pdf', `${stored.number}.pdf`, stored.pdf);
    },
  );

  app.post(
    '/api/v1/operator/invoices/:invoiceId/credit-notes',
    {
      config: { access: access.operatorArea('billing') },
      schema: {
        tags,
        summary:
          'Credit an invoice, whole or chosen lines, with a reason: a credit note of its own series; the invoice stays',
        params: operatorInvoiceParams,
        body: creditNoteBody,
        response: { 201: invoiceDetail, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const id = await creditNotes.issue(auditActor(request), {
        invoiceId: request.params.invoiceId,
        ...request.body,
      });
      return reply.status(201).send(await invoices.get(id));
    },
  );
};
