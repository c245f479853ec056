import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { accountParams } from '../users/users.schemas.ts';
import {
  domainContact,
  domainContactBody,
  domainContactList,
  domainContactParams,
} from './domain-contacts.schemas.ts';
import type { DomainContactsService } from './domain-contacts.service.ts';

const tags = ['domain contacts'];
// Domain contacts exist for domain registration, so they are kept by those who manage the domains.
const domainsManage = access.member('domains.manage');

export const domainContactsRoutes: FastifyPluginAsyncTypebox<{
  domainContacts: DomainContactsService;
}> = async (app, { domainContacts }) => {
  const context = (request: FastifyRequest) => ({
    accountId: signedInMember(request).accountId,
    actor: auditActor(request),
  });

  app.get(
    '/api/v1/accounts/:accountId/domain-contacts',
    {
      config: { access: domainsManage },
      schema: {
        tags,
        summary: "The account's domain contacts (registrant data), in name order",
        params: accountParams,
        response: { 200: domainContactList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => domainContacts.list(request.params.accountId),
  );

  app.post(
    '/api/v1/accounts/:accountId/domain-contacts',
    {
      config: { access: domainsManage },
      schema: {
        tags,
        summary:
          'Add a domain contact; the phone number is stored as E.164, the country as ISO 3166-1 alpha-2',
        params: accountParams,
        body: domainContactBody,
        response: { 201: domainContact, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await domainContacts.create(context(request), request.body)),
  );

  app.get(
    '/api/v1/accounts/:accountId/domain-contacts/:domainContactId',
    {
      config: { access: domainsManage },
      schema: {
        tags,
        summary: 'One domain contact',
        params: domainContactParams,
        response: { 200: domainContact, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => domainContacts.get(request.params.accountId, request.params.domainContactId),
  );

  app.put(
    '/api/v1/accounts/:accountId/domain-contacts/:domainContactId',
    {
      config: { access: domainsManage },
      schema: {
        tags,
        summary: 'Change a domain contact (all fields, as when adding it)',
        params: domainContactParams,
        body: domainContactBody,
        response: { 200: domainContact, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => domainContacts.update(context(request), request.params.domainContactId, request.body),
  );

  app.delete(
    '/api/v1/accounts/:accountId/domain-contacts/:domainContactId',
    {
      config: { access: domainsManage },
      schema: {
        tags,
        summary: 'Remove a domain contact (not while it is the registrant of a domain: 409)',
        params: domainContactParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await domainContacts.remove(context(request), request.params.domainContactId);
      return reply.status(204).send(null);
    },
  );
};
