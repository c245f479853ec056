// P4: operators import camt.053 bank statements, read the entries (the unmatched ones with suggestions) and
// assign an unmatched entry to an invoice with one click. A wrong payment is reversed by the ledger's
// reversal route; the entry is then unmatched again.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { errorResponses } from '../../http/openapi.ts';
import {
  assignmentBody,
  bankStatementBody,
  bankStatementBodyLimit,
  entriesQuery,
  entryParams,
  importResult,
  statementEntry,
} from './bank-statement.schemas.ts';
import type { BankStatements } from './bank-statements.ts';

const tags = ['payments'];
const operator = { access: access.operatorArea('billing') };

export const bankStatementRoutes: FastifyPluginAsyncTypebox<{ bankStatements: BankStatements }> = async (
  app,
  { bankStatements },
) => {
  app.post(
    '/api/v1/operator/bank-statements',
    {
      config: operator,
      bodyLimit: bankStatementBodyLimit,
      schema: {
        tags,
        summary: 'Import a camt.053 bank statement (base64): credits naming invoices are booked on them',
        body: bankStatementBody,
        response: { 200: importResult, ...errorResponses(400, 401, 409, 413) },
      },
    },
    async (request) => bankStatements.importStatement(request.body.data, auditActor(request)),
  );

  app.get(
    '/api/v1/operator/bank-statement-entries',
    {
      config: operator,
      schema: {
        tags,
        summary: 'Imported credits, newest first; the unmatched ones with suggested invoices',
        querystring: entriesQuery,
        response: { 200: Type.Object({ items: Type.Array(statementEntry) }), ...errorResponses(400, 401) },
      },
    },
    async (request) => bankStatements.entries(request.query),
  );

  app.post(
    '/api/v1/operator/bank-statement-entries/:entryId/assignment',
    {
      config: operator,
      schema: {
        tags,
        summary: 'Book an unmatched credit in full on the chosen invoice',
        params: entryParams,
        body: assignmentBody,
        response: { 200: statementEntry, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => bankStatements.assign(request.params.entryId, request.body, auditActor(request)),
  );
};
