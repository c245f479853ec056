import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { accountParams } from '../users/users.schemas.ts';
import {
  categoriesBody,
  contact,
  contactBody,
  contactList,
  contactParams,
  myCategories,
  routing,
  testNotificationBody,
  testNotificationResult,
} from './contacts.schemas.ts';
import type { ContactsService } from './contacts.service.ts';
import type { Notifications } from './notifications.ts';

const tags = ['contacts'];

export const contactsRoutes: FastifyPluginAsyncTypebox<{
  contacts: ContactsService;
  notifications: Notifications;
}> = async (app, { contacts, notifications }) => {
  const context = (request: FastifyRequest) => {
    const member = signedInMember(request);
    return { accountId: member.accountId, actor: { ...auditActor(request), id: member.userId } };
  };

  app.get(
    '/api/v1/accounts/:accountId/contacts',
    {
      config: { access: access.member('contacts.manage') },
      schema: {
        tags,
        summary: "The account's contacts, by name",
        params: accountParams,
        response: { 200: contactList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => contacts.list(request.params.accountId),
  );

  app.post(
    '/api/v1/accounts/:accountId/contacts',
    {
      config: { access: access.member('contacts.manage') },
      schema: {
        tags,
        summary: 'Add a contact: no sign-in, e-mail by the chosen categories',
        params: accountParams,
        body: contactBody,
        response: { 201: contact, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await contacts.add(context(request), request.body)),
  );

  app.get(
    '/api/v1/accounts/:accountId/contacts/:contactId',
    {
      config: { access: access.member('contacts.manage') },
      schema: {
        tags,
        summary: 'One contact',
        params: contactParams,
        response: { 200: contact, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => contacts.get(request.params.accountId, request.params.contactId),
  );

  app.put(
    '/api/v1/accounts/:accountId/contacts/:contactId',
    {
      config: { access: access.member('contacts.manage') },
      schema: {
        tags,
        summary: 'Change a contact',
        params: contactParams,
        body: contactBody,
        response: { 200: contact, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => contacts.change(context(request), request.params.contactId, request.body),
  );

  app.delete(
    '/api/v1/accounts/:accountId/contacts/:contactId',
    {
      config: { access: access.member('contacts.manage') },
      schema: {
        tags,
        summary: 'Remove a contact (audited); links in e-mails sent to it stop working',
        params: contactParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await contacts.remove(context(request), request.params.contactId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/notifications',
    {
      config: { access: access.member('contacts.manage') },
      schema: {
        tags,
        summary: 'Per category, exactly who receives its e-mails (primary address, members, contacts)',
        params: accountParams,
        response: { 200: routing, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => notifications.routing(request.params.accountId),
  );

  app.post(
    '/api/v1/accounts/:accountId/notifications/test',
    {
      config: { access: access.member('contacts.manage') },
      schema: {
        tags,
        summary: "Send a test e-mail to a category's recipients (once per category in 10 minutes)",
        params: accountParams,
        body: testNotificationBody,
        response: { 200: testNotificationResult, ...errorResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request) => notifications.sendTest(context(request), request.body.category),
  );

  app.get(
    '/api/v1/accounts/:accountId/my-notifications',
    {
      config: { access: access.member() },
      schema: {
        tags,
        summary: 'The categories the signed-in member receives from this account',
        params: accountParams,
        response: { 200: myCategories, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { accountId, userId } = signedInMember(request);
      return notifications.myCategories(accountId, userId);
    },
  );

  app.put(
    '/api/v1/accounts/:accountId/my-notifications',
    {
      config: { access: access.member() },
      schema: {
        tags,
        summary: 'Choose the categories the signed-in member receives from this account',
        params: accountParams,
        body: categoriesBody,
        response: { 200: myCategories, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { accountId, userId } = signedInMember(request);
      await notifications.setMyCategories(accountId, userId, request.body.categories);
      return notifications.myCategories(accountId, userId);
    },
  );
};
