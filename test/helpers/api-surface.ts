// The API as the OpenAPI document and the access declarations describe it, two accounts to aim it at, and
// a snapshot of everything one account owns, for the generated tests (issue 9, items 2 and 3).

import type { Db } from '../../src/db/kysely.ts';
import type { Access } from '../../src/http/access.ts';
import {
  insertService,
  insertUsage,
  testSeller,
  type UsageUser,
  usersOf,
} from '../../src/modules/invoices/invoice-test-data.ts';
import { newId } from '../../src/shared/tokens.ts';
import type { TestApp } from './build-test-app.ts';
import type { JsonSchema } from './schema-arbitrary.ts';
import { accountIdOf, signedInOperator, signedInOwner, signedInUser, TestClient } from './test-client.ts';
import { insertUsageEvents } from './usage-events.ts';

export interface Operation {
  method: string;
  /** As Fastify writes it: /api/v1/accounts/:accountId/users/:userId */
  url: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema; required: boolean }[];
  body?: JsonSchema;
  access: Access;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema: JsonSchema; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export function operationsOf(t: TestApp): Operation[] {
  const document = t.app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const url = path.replace(/\{([^}]+)\}/g, ':$1');
      const declared = t.app.kontor.declaredRoutes.find(
        (route) => route.url === url && route.method === method.toUpperCase(),
      );
      if (!declared) throw new Error(`${method} ${path} is in the document but not declared`);
      const parameters = operation.parameters ?? [];
      return {
        method: method.toUpperCase(),
        url,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: operation.requestBody?.content['application/json']?.schema,
        access: declared.access,
      };
    }),
  );
}

/**
 * One account's people and objects: an admin, a member without permissions, a user, an invitation, a domain
 * contact, a subscription of the member to a service of its own, a usage event.
 */
export interface Tenant {
  accountId: string;
  admin: TestClient;
  member: TestClient;
  ids: Record<string, string>;
}

export async function tenant(t: TestApp, name: string): Promise<Tenant> {
  const owner = await signedInOwner(t.app, { email: `owner@${name}.test`, companyName: `Firma ${name}` });
  const accountId = await accountIdOf(owner.client);
  const member = await signedInUser(t.app, owner.client, accountId, {
    username: 'mia',
    email: `mia@${name}.test`,
  });
  const invitation = await owner.client.post(`/api/v1/accounts/${accountId}/invitations`, {
    email: `guest@${name}.test`,
    permissions: [],
  });
  const domainContact = await owner.client.post(`/api/v1/accounts/${accountId}/domain-contacts`, {
    kind: 'person',
    firstName: 'Dora',
    lastName: name,
    street: 'Hauptstraße 1',
    postalCode: '10115',
    city: 'Berlin',
    country: 'DE',
    phone: '030 1234567',
    email: `domains@${name}.test`,
  });
  const sessions = (await member.client.get('/api/v1/auth/sessions')).json().items as { id: string }[];
  const request = await owner.client.post(`/api/v1/accounts/${accountId}/support-requests`, {
    subject: 'Anfrage',
    text: 'Text',
    attachments: [
      { filename: 'a.txt', contentType: 'text/plain', data: Buffer.from('a').toString('base64') },
    ],
  });
  // A service of the catalogue the account subscribes to, and one use of it.
  const serviceId = newId();
  const now = new Date().toISOString();
  await t.db
    .insertInto('services')
    .values({
      id: serviceId,
      code: `service-${name}`,
      nameDe: name,
      nameEn: name,
      nameHu: name,
      unit: 'request',
      adapter: 'demo',
      providerUrl: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await t.db
    .insertInto('prices')
    .values({ id: newId(), serviceId, netCents: 35, vatRateBp: 1900, validFrom: now, createdAt: now })
    .execute();
  const subscription = await owner.client.post(`/api/v1/accounts/${accountId}/subscriptions`, {
    serviceId,
    scope: 'users',
    userIds: [member.user.id],
  });
  await insertUsageEvents(t.db, [
    { accountId, user: member.user, serviceId, occurredAt: '2026-01-05T09:00:00.000Z' },
  ]);
  // An invoice of December 2025 (closed on the test clock's 5 January 2026).
  await t.app.kontor.services.provider.updateSeller(testSeller, {
    type: 'system',
    id: null,
    ipAddress: null,
  });
  const billedService = await insertService(t.db, { code: `lookup-${name}`, netCents: 150 });
  const [user] = (await usersOf(t.db, accountId)) as [UsageUser];
  await insertUsage(t.db, {
    accountId,
    user,
    serviceId: billedService,
    occurredAt: '2025-12-10T10:00:00Z',
    unitNetCents: 150,
  });
  await t.app.kontor.services.invoiceRun.run({ month: '2025-12' });
  const invoice = await t.db
    .selectFrom('invoices')
    .select('id')
    .where('accountId', '=', accountId)
    .executeTakeFirstOrThrow();
  const mail = await t.db
    .selectFrom('outboxEmails')
    .select('id')
    .where('toAddress', 'like', `%@${name}.test`)
    .executeTakeFirst();
  return {
    accountId,
    admin: owner.client,
    member: member.client,
    ids: {
      accountId,
      userId: member.user.id,
      invitationId: invitation.json().id,
      domainContactId: domainContact.json().id,
      sessionId: sessions[0]?.id ?? '',
      requestId: request.json().id,
      attachmentId: request.json().messages[0].attachments[0].id,
      id: mail?.id ?? '',
      serviceId,
      subscriptionId: subscription.json().items[0].id,
      invoiceId: invoice.id,
    },
  };
}

export const operator = async (t: TestApp) => (await signedInOperator(t.app)).client;
export const anonymous = (t: TestApp) => new TestClient(t.app);

/** Everything an account owns, row by row, for "nothing of B changed". */
export async function snapshotOf(db: Db, accountId: string) {
  const userIds = (
    await db.selectFrom('memberships').select('userId').where('accountId', '=', accountId).execute()
  ).map((row) => row.userId);
  const ofUsers = async (table: 'accessKeys' | 'actionTokens' | 'twoFactorCredentials') =>
    userIds.length ? db.selectFrom(table).selectAll().where('userId', 'in', userIds).execute() : [];
  return {
    account: await db.selectFrom('accounts').selectAll().where('id', '=', accountId).execute(),
    users: userIds.length
      ? await db.selectFrom('users').selectAll().where('id', 'in', userIds).orderBy('id').execute()
      : [],
    memberships: await db
      .selectFrom('memberships')
      .selectAll()
      .where('accountId', '=', accountId)
      .orderBy('userId')
      .execute(),
    invitations: await db
      .selectFrom('invitations')
      .selectAll()
      .where('accountId', '=', accountId)
      .orderBy('id')
      .execute(),
    contacts: await db
      .selectFrom('contacts')
      .selectAll()
      .where('accountId', '=', accountId)
      .orderBy('id')
      .execute(),
    domainContacts: await db
      .selectFrom('domainContacts')
      .selectAll()
      .where('accountId', '=', accountId)
      .orderBy('id')
      .execute(),
    supportRequests: await db
      .selectFrom('supportRequests')
      .selectAll()
      .where('accountId', '=', accountId)
      .orderBy('id')
      .execute(),
    supportMessages: await db
      .selectFrom('supportMessages')
      .innerJoin('supportRequests', 'supportRequests.id', 'supportMessages.requestId')
      .selectAll('supportMessages')
      .where('supportRequests.accountId', '=', accountId)
      .orderBy('supportMessages.id')
      .execute(),
    supportAttachments: await db
      .selectFrom('supportAttachments')
      .innerJoin('supportMessages', 'supportMessages.id', 'supportAttachments.messageId')
      .innerJoin('supportRequests', 'supportRequests.id', 'supportMessages.requestId')
      .select(['supportAttachments.id', 'supportAttachments.filename', 'supportAttachments.size'])
      .where('supportRequests.accountId', '=', accountId)
      .orderBy('supportAttachments.id')
      .execute(),
    credentialRequests: await db
      .selectFrom('credentialRequests')
      .selectAll()
      .where('accountId', '=', accountId)
      .orderBy('id')
      .execute(),
    subscriptions: await db
      .selectFrom('subscriptions')
      .selectAll()
      .where('accountId', '=', accountId)
      .orderBy('id')
      .execute(),
    invoices: await db
      .selectFrom('invoices')
      .selectAll()
      .where('accountId', '=', accountId)
      .orderBy('id')
      .execute(),
    invoiceLines: await db
      .selectFrom('invoiceLines')
      .innerJoin('invoices', 'invoices.id', 'invoiceLines.invoiceId')
      .selectAll('invoiceLines')
      .where('invoices.accountId', '=', accountId)
      .orderBy('invoiceLines.id')
      .execute(),
    usageEvents: await db
      .selectFrom('usageEvents')
      .selectAll()
      .where('accountId', '=', accountId)
      .orderBy('id')
      .execute(),
    audit: await db
      .selectFrom('auditEvents')
      .select(['id', 'action'])
      .where('accountId', '=', accountId)
      .orderBy('id')
      .execute(),
    gatewayRequests: await db
      .selectFrom('gatewayRequests')
      .selectAll()
      .where('accountId', '=', accountId)
      .orderBy('id')
      .execute(),
    accessKeys: await ofUsers('accessKeys'),
    actionTokens: await ofUsers('actionTokens'),
    twoFactor: await ofUsers('twoFactorCredentials'),
  };
}
