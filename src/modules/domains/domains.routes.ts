import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { accountParams } from '../users/users.schemas.ts';
import {
  dnsRecord,
  dnsRecordBody,
  dnsRecordParams,
  domainCreateBody,
  domainDetail,
  domainList,
  domainParams,
  domainSettingsBody,
  domainSummary,
} from './domains.schemas.ts';
import type { DomainsService } from './domains.service.ts';

const tags = ['domains'];
// Seed 002: "view products & services" reads the domains, "modify domain settings" changes them (and reads).
const domainsRead = access.memberWithAnyOf('products.view', 'domains.manage');
const domainsManage = access.member('domains.manage');

export const domainsRoutes: FastifyPluginAsyncTypebox<{ domains: DomainsService }> = async (
  app,
  { domains },
) => {
  const context = (request: FastifyRequest) => ({
    accountId: signedInMember(request).accountId,
    actor: auditActor(request),
  });

  app.get(
    '/api/v1/accounts/:accountId/domains',
    {
      config: { access: domainsRead },
      schema: {
        tags,
        summary: "The account's domains, in name order",
        params: accountParams,
        response: { 200: domainList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => domains.list(request.params.accountId),
  );

  app.post(
    '/api/v1/accounts/:accountId/domains',
    {
      config: { access: domainsManage },
      schema: {
        tags,
        summary: 'Add a domain with a domain contact of the account as registrant, and an optional redirect',
        params: accountParams,
        body: domainCreateBody,
        response: { 201: domainSummary, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await domains.create(context(request), request.body)),
  );

  app.get(
    '/api/v1/accounts/:accountId/domains/:domainId',
    {
      config: { access: domainsRead },
      schema: {
        tags,
        summary: 'One domain with its DNS records',
        params: domainParams,
        response: { 200: domainDetail, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => domains.get(request.params.accountId, request.params.domainId),
  );

  app.put(
    '/api/v1/accounts/:accountId/domains/:domainId',
    {
      config: { access: domainsManage },
      schema: {
        tags,
        summary: "Change a domain's registrant and redirect (the name stays)",
        params: domainParams,
        body: domainSettingsBody,
        response: { 200: domainDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => domains.updateSettings(context(request), request.params.domainId, request.body),
  );

  app.delete(
    '/api/v1/accounts/:accountId/domains/:domainId',
    {
      config: { access: domainsManage },
      schema: {
        tags,
        summary: 'Remove a domain and its DNS records',
        params: domainParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await domains.remove(context(request), request.params.domainId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/domains/:domainId/zone',
    {
      config: { access: domainsRead },
      schema: {
        tags,
        summary: 'The zone as an RFC 1035 master file ($ORIGIN, $TTL, SOA, NS and the records)',
        params: domainParams,
        produces: ['text/dns'],
        response: { 200: Type.String(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const zone = await domains.exportZone(request.params.accountId, request.params.domainId);
      // The name is an ASCII domain name: nothing in it needs quoting.
      return reply
        .type('text/dns; charset=utf-8')
        .header('content-disposition', `attachment; filename="${zone.filename}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(zone.text);
    },
  );

  app.post(
    '/api/v1/accounts/:accountId/domains/:domainId/records',
    {
      config: { access: domainsManage },
      schema: {
        tags,
        summary: 'Add a DNS record, checked for its type and against the zone (a CNAME stands alone)',
        params: domainParams,
        body: dnsRecordBody,
        response: { 201: dnsRecord, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await domains.addRecord(context(request), request.params.domainId, request.body)),
  );

  app.put(
    '/api/v1/accounts/:accountId/domains/:domainId/records/:recordId',
    {
      config: { access: domainsManage },
      schema: {
        tags,
        summary: 'Change a DNS record (all fields, as when adding it)',
        params: dnsRecordParams,
        body: dnsRecordBody,
        response: { 200: dnsRecord, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      domains.updateRecord(context(request), request.params.domainId, request.params.recordId, request.body),
  );

  app.delete(
    '/api/v1/accounts/:accountId/domains/:domainId/records/:recordId',
    {
      config: { access: domainsManage },
      schema: {
        tags,
        summary: 'Remove a DNS record',
        params: dnsRecordParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await domains.removeRecord(context(request), request.params.domainId, request.params.recordId);
      return reply.status(204).send(null);
    },
  );
};
