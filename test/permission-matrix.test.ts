// M3, SECURITY.md 20–23: every account route as anonymous, operator, an auditing operator (issue 16), a
// member without permissions, a member holding exactly the route's permission, a member holding every
// permission but that one, a person invited from another account (holding every permission), admin, owner
// and another account's admin. Another account's objects answer 404 (object level), a missing permission
// 403 (function level).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Permission, permissions } from '../src/shared/permissions.ts';
import { newId } from '../src/shared/tokens.ts';
import { buildTestApp, describeEachDatabase, type TestApp } from './helpers/build-test-app.ts';
import { serviceWithPrice } from './helpers/catalogue.ts';
import {
  accountIdOf,
  invitedOperator,
  signedInOperator,
  signedInOwner,
  signedInUser,
  strongPassword,
  TestClient,
} from './helpers/test-client.ts';

const actors = [
  'anonymous',
  'operator',
  'member',
  'memberWith',
  'memberWithout',
  'invited',
  'admin',
  'owner',
  'foreignAdmin',
] as const;
type Actor = (typeof actors)[number];
/** Issue 16: an operator who only audits reads what operators read, and is refused every change. */
const auditorExpects = (route: RouteCase) => {
  const asOperator = route.expected.operator;
  return asOperator === 401 || route.method === 'GET' ? asOperator : 403;
};

interface Fixture {
  accountId: string;
  memberId: string;
  user: () => Promise<string>; // a fresh user of the account to act upon
  invitation: () => Promise<string>; // a fresh open invitation of the account
  guest: () => Promise<string>; // a fresh person from another account, member here
  domainContact: () => Promise<string>; // a fresh domain contact of the account
  domain: () => Promise<{ id: string; recordId: string }>; // a fresh domain of the account with one record
  serviceId: string; // an active service of the catalogue, with a price
  subscription: () => Promise<string>; // a fresh live subscription of the account (for a fresh user)
  ownerPhone: () => Promise<string>; // a fresh desk phone of the owner's (express setup)
}
type Ids = {
  user: string;
  invitation: string;
  guest: string;
  domainContact: string;
  domain: { id: string; recordId: string };
  subscription: string;
  ownerPhone: string;
};

interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (fixture: Fixture, ids: Ids) => string;
  body?: (fixture: Fixture, ids: Ids, unique: string) => Record<string, unknown>;
  /** The permission the route needs; memberWith holds exactly it, memberWithout all others. */
  permission?: Permission;
  expected: Record<Actor, number>;
}

/** A route for members who hold `permission` (owners and admins hold all). */
const needs = (permission: Permission, success: number) => ({
  permission,
  expected: {
    anonymous: 401,
    operator: 401,
    member: 403,
    memberWith: success,
    memberWithout: 403,
    invited: success,
    admin: success,
    owner: success,
    foreignAdmin: 404,
  },
});
const everyMember = (success: number) => ({
  expected: { ...needs('users.manage', success).expected, member: success, memberWithout: success },
});
/** Routes about the signed-in person themselves: any signed-in customer, wherever they belong. */
const anyCustomer = (status: number) => ({
  expected: { ...everyMember(status).expected, foreignAdmin: status },
});
/** Booking and ending services: the owner and admins only, whatever a member holds. */
const adminsOnly = (success: number) => ({
  permission: 'products.view' as const,
  expected: { ...needs('products.view', success).expected, memberWith: 403, invited: 403 },
});
/** D2: reading domains takes "products.view" or "domains.manage" (which memberWithout still holds). */
const readsDomains = {
  permission: 'products.view' as const,
  expected: { ...needs('products.view', 200).expected, memberWithout: 200 },
};
const operatorOnly = (success: number) => ({
  expected: Object.fromEntries(
    actors.map((actor) => [actor, actor === 'operator' ? success : 401]),
  ) as Record<Actor, number>,
});

const users = (fixture: Fixture) => `/api/v1/accounts/${fixture.accountId}/users`;
const account = (fixture: Fixture) => `/api/v1/accounts/${fixture.accountId}`;
const domainContact = {
  kind: 'person',
  firstName: 'Dora',
  lastName: 'Domain',
  street: 'Hauptstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  country: 'DE',
  phone: '030 1234567',
  email: 'domains@jura.test',
};
const person = (_f: Fixture, _ids: Ids, unique: string) => ({
  username: `matrix ${unique}`,
  firstName: 'M',
  lastName: 'X',
});
// T2: the account's number block, and a fresh extension for every user the extension route acts upon.
const matrixNumberBlock = { prefix: '+49 30 12345', lastExtension: 9999 };
let matrixExtension = 100;
const nextMatrixExtension = () => ++matrixExtension;
const routes: RouteCase[] = [
  { name: 'list users', method: 'GET', url: users, ...everyMember(200) },
  { name: 'create a user', method: 'POST', url: users, body: person, ...needs('users.manage', 201) },
  {
    name: "read the plain member's record (their own; someone else's for the others)",
    method: 'GET',
    url: (f) => `${users(f)}/${f.memberId}`,
    expected: { ...everyMember(200).expected, memberWithout: 404 },
  },
  {
    name: "read another user's record",
    method: 'GET',
    url: (f, ids) => `${users(f)}/${ids.user}`,
    ...needs('users.manage', 200),
    expected: { ...needs('users.manage', 200).expected, member: 404, memberWithout: 404 },
  },
  {
    name: 'change a user',
    method: 'PATCH',
    url: (f, ids) => `${users(f)}/${ids.user}`,
    body: () => ({ title: 'Prof.' }),
    ...needs('users.manage', 200),
  },
  {
    name: 'delete a user',
    method: 'DELETE',
    url: (f, ids) => `${users(f)}/${ids.user}`,
    ...needs('users.manage', 204),
  },
  {
    name: 'reassign a user',
    method: 'POST',
    url: (f, ids) => `${users(f)}/${ids.user}/reassign`,
    body: person,
    ...needs('users.manage', 200),
  },
  {
    name: "set a member's permissions",
    method: 'PUT',
    url: (f, ids) => `${users(f)}/${ids.user}/permissions`,
    body: () => ({ permissions: [] }),
    ...needs('users.manage', 200),
  },
  {
    name: 'grant the admin right',
    method: 'PUT',
    url: (f, ids) => `${users(f)}/${ids.user}/admin`,
    ...needs('admins.manage', 200),
  },
  {
    name: 'revoke the admin right',
    method: 'DELETE',
    url: (f, ids) => `${users(f)}/${ids.user}/admin`,
    ...needs('admins.manage', 200),
  },
  {
    name: 'rotate an access key',
    method: 'POST',
    url: (f, ids) => `${users(f)}/${ids.user}/access-keys`,
    body: () => ({ currentPassword: strongPassword }),
    ...needs('users.manage', 201),
  },
  {
    name: 'transfer ownership (the owner only; the target must be an admin)',
    method: 'PUT',
    url: (f) => `${account(f)}/owner`,
    body: (_f, ids) => ({ userId: ids.user, currentPassword: strongPassword }),
    expected: {
      ...everyMember(403).expected,
      admin: 403,
      invited: 403,
      owner: 409,
      anonymous: 401,
      operator: 401,
      foreignAdmin: 404,
    },
  },
  {
    name: 'read the audit log',
    method: 'GET',
    url: (f) => `${account(f)}/audit`,
    ...needs('audit.read', 200),
  },
  {
    name: 'list invitations',
    method: 'GET',
    url: (f) => `${account(f)}/invitations`,
    ...needs('users.manage', 200),
  },
  {
    name: 'invite a person',
    method: 'POST',
    url: (f) => `${account(f)}/invitations`,
    body: (_f, _ids, unique) => ({ email: `invitee-${unique}@extern.test`, permissions: [] }),
    ...needs('users.manage', 201),
  },
  {
    name: 'send an invitation again',
    method: 'POST',
    url: (f, ids) => `${account(f)}/invitations/${ids.invitation}/resend`,
    ...needs('users.manage', 201),
  },
  {
    name: 'withdraw an invitation',
    method: 'DELETE',
    url: (f, ids) => `${account(f)}/invitations/${ids.invitation}`,
    ...needs('users.manage', 204),
  },
  {
    name: 'list invited people',
    method: 'GET',
    url: (f) => `${account(f)}/guests`,
    ...needs('users.manage', 200),
  },
  {
    name: 'remove an invited person',
    method: 'DELETE',
    url: (f, ids) => `${account(f)}/guests/${ids.guest}`,
    ...needs('users.manage', 204),
  },
  {
    name: 'list domain contacts',
    method: 'GET',
    url: (f) => `${account(f)}/domain-contacts`,
    ...needs('domains.manage', 200),
  },
  {
    name: 'add a domain contact',
    method: 'POST',
    url: (f) => `${account(f)}/domain-contacts`,
    body: () => domainContact,
    ...needs('domains.manage', 201),
  },
  {
    name: 'read a domain contact',
    method: 'GET',
    url: (f, ids) => `${account(f)}/domain-contacts/${ids.domainContact}`,
    ...needs('domains.manage', 200),
  },
  {
    name: 'change a domain contact',
    method: 'PUT',
    url: (f, ids) => `${account(f)}/domain-contacts/${ids.domainContact}`,
    body: () => ({ ...domainContact, city: 'Potsdam' }),
    ...needs('domains.manage', 200),
  },
  {
    name: 'remove a domain contact',
    method: 'DELETE',
    url: (f, ids) => `${account(f)}/domain-contacts/${ids.domainContact}`,
    ...needs('domains.manage', 204),
  },
  { name: 'list domains', method: 'GET', url: (f) => `${account(f)}/domains`, ...readsDomains },
  {
    name: 'add a domain',
    method: 'POST',
    url: (f) => `${account(f)}/domains`,
    body: (_f, ids, unique) => ({ name: `${unique}.example`, registrantId: ids.domainContact }),
    ...needs('domains.manage', 201),
  },
  {
    name: 'read a domain',
    method: 'GET',
    url: (f, ids) => `${account(f)}/domains/${ids.domain.id}`,
    ...readsDomains,
  },
  {
    name: 'export a zone',
    method: 'GET',
    url: (f, ids) => `${account(f)}/domains/${ids.domain.id}/zone`,
    ...readsDomains,
  },
  {
    name: "change a domain's registrant and redirect",
    method: 'PUT',
    url: (f, ids) => `${account(f)}/domains/${ids.domain.id}`,
    body: (_f, ids) => ({ registrantId: ids.domainContact, redirectKind: 'ip', redirectTarget: '8.8.8.8' }),
    ...needs('domains.manage', 200),
  },
  {
    name: 'remove a domain',
    method: 'DELETE',
    url: (f, ids) => `${account(f)}/domains/${ids.domain.id}`,
    ...needs('domains.manage', 204),
  },
  {
    name: 'add a DNS record',
    method: 'POST',
    url: (f, ids) => `${account(f)}/domains/${ids.domain.id}/records`,
    body: () => ({ name: 'mail', type: 'MX', value: 'mx.example.net', priority: 10 }),
    ...needs('domains.manage', 201),
  },
  {
    name: 'change a DNS record',
    method: 'PUT',
    url: (f, ids) => `${account(f)}/domains/${ids.domain.id}/records/${ids.domain.recordId}`,
    body: () => ({ name: 'www', type: 'A', value: '192.0.2.99' }),
    ...needs('domains.manage', 200),
  },
  {
    name: 'remove a DNS record',
    method: 'DELETE',
    url: (f, ids) => `${account(f)}/domains/${ids.domain.id}/records/${ids.domain.recordId}`,
    ...needs('domains.manage', 204),
  },
  {
    name: 'list support requests',
    method: 'GET',
    url: (f) => `${account(f)}/support-requests`,
    ...needs('support.open', 200),
  },
  {
    name: 'open a support request',
    method: 'POST',
    url: (f) => `${account(f)}/support-requests`,
    body: (_f, _ids, unique) => ({ subject: `Anfrage ${unique}`, text: 'Bitte helfen.' }),
    ...needs('support.open', 201),
  },
  {
    name: 'list invoices',
    method: 'GET',
    url: (f) => `${account(f)}/invoices`,
    ...needs('invoices.view', 200),
  },
  {
    name: 'preview the running month',
    method: 'GET',
    url: (f) => `${account(f)}/invoice-preview`,
    ...needs('invoices.view', 200),
  },
  {
    name: "read the account's two-factor rule",
    method: 'GET',
    url: (f) => `${account(f)}/two-factor-policy`,
    ...needs('account.edit', 200),
  },
  {
    name: "change the account's two-factor rule",
    method: 'PUT',
    url: (f) => `${account(f)}/two-factor-policy`,
    body: () => ({ required: false }),
    ...needs('account.edit', 200),
  },
  {
    name: "list the account's subscriptions",
    method: 'GET',
    url: (f) => `${account(f)}/subscriptions`,
    ...needs('products.view', 200),
  },
  {
    name: 'list what can be booked',
    method: 'GET',
    url: (f) => `${account(f)}/subscriptions/options`,
    ...adminsOnly(200),
  },
  {
    name: 'book a service for a user',
    method: 'POST',
    url: (f) => `${account(f)}/subscriptions`,
    body: (f, ids) => ({ serviceId: f.serviceId, scope: 'users', userIds: [ids.user] }),
    ...adminsOnly(201),
  },
  {
    name: 'end a subscription',
    method: 'POST',
    url: (f, ids) => `${account(f)}/subscriptions/${ids.subscription}/end`,
    ...adminsOnly(200),
  },
  {
    name: "read the account's SEPA mandate",
    method: 'GET',
    url: (f) => `${account(f)}/sepa-mandate`,
    // "view invoices" or "pay invoices" (which memberWithout still holds).
    permission: 'invoices.view',
    expected: { ...needs('invoices.view', 200).expected, memberWithout: 200 },
  },
  {
    name: 'give the SEPA mandate (direct debit is not set up yet)',
    method: 'PUT',
    url: (f) => `${account(f)}/sepa-mandate`,
    body: () => ({ scheme: 'CORE', accountHolder: 'Jura', iban: 'DE89370400440532013000', agreed: true }),
    ...needs('invoices.pay', 409),
  },
  {
    name: 'revoke the SEPA mandate (none is active)',
    method: 'DELETE',
    url: (f) => `${account(f)}/sepa-mandate`,
    ...needs('invoices.pay', 404),
  },
  { name: 'list usage', method: 'GET', url: (f) => `${account(f)}/usage`, ...needs('invoices.view', 200) },
  {
    name: 'start a remote-support session',
    method: 'POST',
    url: (f) => `${account(f)}/remote-support/sessions`,
    body: () => ({ mode: 'support' }),
    ...needs('remote_support.host', 201),
  },
  {
    name: "list the host's remote-support sessions",
    method: 'GET',
    url: (f) => `${account(f)}/remote-support/sessions`,
    ...needs('remote_support.host', 200),
  },
  {
    name: 'list the usage filters',
    method: 'GET',
    url: (f) => `${account(f)}/usage/filters`,
    ...needs('invoices.view', 200),
  },
  {
    name: "give a user an extension from the account's number block",
    method: 'PUT',
    url: (f, ids) => `${users(f)}/${ids.user}/number`,
    body: () => ({ extension: String(nextMatrixExtension()) }),
    ...needs('users.manage', 200),
  },
  {
    name: "take a user's extension away",
    method: 'DELETE',
    url: (f, ids) => `${users(f)}/${ids.user}/number`,
    ...needs('users.manage', 204),
  },
  {
    name: 'read the company directory',
    method: 'GET',
    url: (f) => `${account(f)}/directory`,
    ...everyMember(200),
  },
  {
    name: "list the account's hosted products",
    method: 'GET',
    url: (f) => `${account(f)}/hosted-products`,
    ...needs('products.view', 200),
  },
  {
    name: "read an account's number block (operator area)",
    method: 'GET',
    url: () => '/api/v1/operator/accounts/00000000-0000-0000-0000-000000000000/number-block',
    ...operatorOnly(404),
  },
  {
    name: "set an account's number block (operator area)",
    method: 'PUT',
    url: (f) => `/api/v1/operator/accounts/${f.accountId}/number-block`,
    body: () => matrixNumberBlock,
    ...operatorOnly(200),
  },
  {
    name: "list an account's hosted products (operator area)",
    method: 'GET',
    url: () => '/api/v1/operator/accounts/00000000-0000-0000-0000-000000000000/hosted-products',
    ...operatorOnly(404),
  },
  {
    name: 'assign a hosted product (operator area)',
    method: 'POST',
    url: (f) => `/api/v1/operator/accounts/${f.accountId}/hosted-products`,
    body: () => ({ name: 'Matrix server', startedOn: '2026-01-01' }),
    ...operatorOnly(201),
  },
  {
    name: 'suspend a hosted product (operator area)',
    method: 'PATCH',
    url: (f) =>
      `/api/v1/operator/accounts/${f.accountId}/hosted-products/00000000-0000-0000-0000-000000000000`,
    body: () => ({ state: 'suspended' }),
    ...operatorOnly(404),
  },
  {
    name: 'end a hosted product (operator area)',
    method: 'POST',
    url: (f) =>
      `/api/v1/operator/accounts/${f.accountId}/hosted-products/00000000-0000-0000-0000-000000000000/end`,
    ...operatorOnly(404),
  },
  {
    name: 'list the catalogue (operator area)',
    method: 'GET',
    url: () => '/api/v1/operator/services',
    ...operatorOnly(200),
  },
  {
    name: 'change a service (operator area)',
    method: 'PATCH',
    url: () => '/api/v1/operator/services/00000000-0000-0000-0000-000000000000',
    body: () => ({ active: false }),
    ...operatorOnly(404),
  },
  {
    name: "list an account's subscriptions (operator area)",
    method: 'GET',
    url: () => '/api/v1/operator/accounts/00000000-0000-0000-0000-000000000000/subscriptions',
    ...operatorOnly(404),
  },
  {
    name: 'act in the account (switch to it)',
    method: 'PUT',
    url: () => '/api/v1/auth/session/account',
    body: (f) => ({ accountId: f.accountId }),
    ...everyMember(200),
  },
  {
    name: 'search customer accounts (operator area)',
    method: 'GET',
    url: () => '/api/v1/operator/accounts',
    ...operatorOnly(200),
  },
  {
    name: 'suspend a customer account (operator area)',
    method: 'POST',
    url: () => '/api/v1/operator/accounts/00000000-0000-0000-0000-000000000000/suspend',
    ...operatorOnly(404),
  },
  {
    name: 'list requests for access data (operator area)',
    method: 'GET',
    url: () => '/api/v1/operator/credential-requests',
    ...operatorOnly(200),
  },
  {
    name: 'send access links for a request (operator area)',
    method: 'POST',
    url: () => '/api/v1/operator/credential-requests/00000000-0000-0000-0000-000000000000/send',
    ...operatorOnly(404),
  },
  {
    name: 'list the invoice runs (operator area)',
    method: 'GET',
    url: () => '/api/v1/operator/invoice-runs',
    ...operatorOnly(200),
  },
  {
    name: 'bill a month (operator area; the seller is not set yet)',
    method: 'POST',
    url: () => '/api/v1/operator/invoice-runs',
    body: () => ({ month: '2025-12' }),
    ...operatorOnly(409),
  },
  {
    name: 'credit an invoice (operator area)',
    method: 'POST',
    url: () => '/api/v1/operator/invoices/00000000-0000-0000-0000-000000000000/credit-notes',
    body: () => ({ reason: 'Korrektur' }),
    ...operatorOnly(404),
  },
  {
    name: 'read the invoice seller (operator area)',
    method: 'GET',
    url: () => '/api/v1/operator/provider/seller',
    ...operatorOnly(200),
  },
  {
    name: "read the provider's payment settings (operator area)",
    method: 'GET',
    url: () => '/api/v1/operator/payment-settings',
    ...operatorOnly(200),
  },
  {
    name: 'run the payment reminders now (operator area)',
    method: 'POST',
    url: () => '/api/v1/operator/payment-reminders/run',
    ...operatorOnly(200),
  },
  {
    name: 'import a bank statement (operator area; not a camt.053 file)',
    method: 'POST',
    url: () => '/api/v1/operator/bank-statements',
    body: () => ({ data: Buffer.from('<Document/>').toString('base64') }),
    ...operatorOnly(400),
  },
  {
    name: 'list the imported credits (operator area)',
    method: 'GET',
    url: () => '/api/v1/operator/bank-statement-entries',
    ...operatorOnly(200),
  },
  {
    name: 'assign a credit (operator area; no such entry)',
    method: 'POST',
    url: () => '/api/v1/operator/bank-statement-entries/00000000-0000-0000-0000-000000000000/assignment',
    body: () => ({ invoiceId: '00000000-0000-0000-0000-000000000000' }),
    ...operatorOnly(404),
  },
  {
    name: 'list the SEPA mandates (operator area)',
    method: 'GET',
    url: () => '/api/v1/operator/sepa-mandates',
    ...operatorOnly(200),
  },
  {
    name: 'read what direct debits are due (operator area)',
    method: 'GET',
    url: () => '/api/v1/operator/direct-debits',
    ...operatorOnly(200),
  },
  {
    name: 'export direct debits (operator area; no creditor identifier yet)',
    method: 'POST',
    url: () => '/api/v1/operator/direct-debits/export',
    body: () => ({ collectionDate: '2099-01-04' }),
    ...operatorOnly(409),
  },
  {
    name: 'read the operator audit log',
    method: 'GET',
    url: () => '/api/v1/operator/audit',
    ...operatorOnly(200),
  },
  {
    name: 'change own e-mail',
    method: 'POST',
    url: () => '/api/v1/me/email',
    body: () => ({ currentPassword: 'not the password', newEmail: 'new@jura.test' }),
    // Everyone signed in may ask; the wrong current password is refused with 400.
    ...anyCustomer(400),
  },
  {
    name: 'change own password',
    method: 'POST',
    url: () => '/api/v1/me/password',
    body: () => ({ currentPassword: 'not the password', newPassword: 'a brand new passphrase 7' }),
    ...anyCustomer(400),
  },
  {
    name: 'change own PIN',
    method: 'PUT',
    url: () => '/api/v1/me/identification',
    body: () => ({ currentPassword: 'not the password', pin: '582937' }),
    ...anyCustomer(400),
  },
  { name: 'read own profile', method: 'GET', url: () => '/api/v1/me', ...anyCustomer(200) },
  {
    name: 'read own two-factor state',
    method: 'GET',
    url: () => '/api/v1/me/two-factor',
    ...anyCustomer(200),
  },
  { name: 'read the session', method: 'GET', url: () => '/api/v1/auth/session', ...anyCustomer(200) },
  { name: 'list own sessions', method: 'GET', url: () => '/api/v1/auth/sessions', ...anyCustomer(200) },
  {
    name: 'read the express setup (account-wide and own settings)',
    method: 'GET',
    url: (f) => `${account(f)}/express-setup`,
    ...everyMember(200),
  },
  {
    name: "move the express-setup wizard's place",
    method: 'PUT',
    url: (f) => `${account(f)}/express-setup/progress`,
    body: () => ({ step: 'phones', state: 'open' }),
    ...needs('account.edit', 200),
  },
  {
    name: 'set the company greeting',
    method: 'PUT',
    url: (f) => `${account(f)}/express-setup/company-greeting`,
    body: (_f, _ids, unique) => ({ mode: 'custom', customText: `Willkommen ${unique}` }),
    ...needs('account.edit', 200),
  },
  {
    name: 'choose the operator',
    method: 'PUT',
    url: (f) => `${account(f)}/express-setup/operator`,
    body: (_f, ids) => ({ userId: ids.user }),
    ...needs('account.edit', 200),
  },
  {
    name: 'set own contact details and region',
    method: 'PUT',
    url: (f) => `${account(f)}/express-setup/my-information`,
    body: () => ({
      mobilePhone: '0151 23456789',
      landlinePhone: null,
      locale: 'de',
      timeZone: 'Europe/Vienna',
      country: 'AT',
      dateFormat: 'DD.MM.YYYY',
      timeFormat: '24h',
    }),
    ...everyMember(200),
  },
  {
    name: 'add an own desk phone',
    method: 'POST',
    url: (f) => `${account(f)}/express-setup/phones`,
    body: (_f, _ids, unique) => ({ manufacturer: 'yealink', model: 't46u', serialNumber: `SN-${unique}` }),
    ...everyMember(201),
  },
  {
    name: "remove a desk phone (the owner's: only the owner finds it)",
    method: 'DELETE',
    url: (f, ids) => `${account(f)}/express-setup/phones/${ids.ownerPhone}`,
    expected: { ...everyMember(404).expected, owner: 204 },
  },
  {
    name: 'set own voicemail greeting',
    method: 'PUT',
    url: (f) => `${account(f)}/express-setup/voicemail-greeting`,
    body: () => ({ mode: 'default' }),
    ...everyMember(200),
  },
  {
    name: 'choose app or browser',
    method: 'PUT',
    url: (f) => `${account(f)}/express-setup/client`,
    body: () => ({ kind: 'browser' }),
    ...everyMember(200),
  },
];

describeEachDatabase('permission matrix', (dialect) => {
  let t: TestApp;
  let fixture: Fixture;
  let owner: TestClient;
  const clients = {} as Record<Exclude<Actor, 'memberWith' | 'memberWithout'> | 'auditor', TestClient>;
  const withOnly = {} as Record<Permission, TestClient>;
  const withAllBut = {} as Record<Permission, TestClient>;

  beforeAll(async () => {
    t = await buildTestApp({ db: dialect, env: { DEFAULT_SEAT_LIMIT: '500' } });
    owner = (await signedInOwner(t.app)).client;
    const accountId = await accountIdOf(owner);
    let count = 0;
    const member = async (granted: readonly Permission[]) => {
      count += 1;
      const made = await signedInUser(t.app, owner, accountId, {
        username: `member ${count}`,
        email: `member${count}@jura.test`,
      });
      await owner.request({
        method: 'PUT',
        url: `/api/v1/accounts/${accountId}/users/${made.user.id}/permissions`,
        payload: { permissions: granted },
      });
      return made;
    };
    const admin = await member([]);
    await owner.request({ method: 'PUT', url: `/api/v1/accounts/${accountId}/users/${admin.user.id}/admin` });
    const plain = await member([]);
    for (const permission of permissions) {
      withOnly[permission] = (await member([permission])).client;
      withAllBut[permission] = (await member(permissions.filter((p) => p !== permission))).client;
    }
    const foreign = await signedInOwner(t.app, {
      email: 'chef@andere.test',
      companyName: 'Andere GmbH',
      username: 'chef',
    });
    const foreignAccount = await accountIdOf(foreign.client);
    // A person of another account who belongs here too, acting here (as an accepted invitation leaves it).
    const joinHere = async (userId: string, granted: readonly Permission[]) =>
      t.db
        .insertInto('memberships')
        .values({
          accountId,
          userId,
          role: 'member',
          permissions: JSON.stringify(granted),
          createdAt: new Date().toISOString(),
        })
        .execute();
    const invited = await signedInOwner(t.app, {
      email: 'eva@steuer.test',
      companyName: 'Steuerbüro',
      username: 'eva',
    });
    await joinHere((await invited.client.get('/api/v1/auth/session')).json().user.id, permissions);
    await invited.client.request({
      method: 'PUT',
      url: '/api/v1/auth/session/account',
      payload: { accountId },
    });

    // Routes that need a user of their own each make one: seats for all of them.
    await t.db
      .updateTable('accounts')
      .set({ seatLimit: 1000 })
      .where('id', 'in', [accountId, foreignAccount])
      .execute();
    const operatorClient = (await signedInOperator(t.app)).client;
    const serviceId = await serviceWithPrice(operatorClient, { code: 'matrix-service' });
    await operatorClient.put(`/api/v1/operator/accounts/${accountId}/number-block`, matrixNumberBlock);
    fixture = {
      accountId,
      serviceId,
      memberId: plain.user.id,
      user: async () => {
        count += 1;
        const created = await owner.post(`/api/v1/accounts/${accountId}/users`, {
          username: `target ${count}`,
          firstName: 'T',
          lastName: 'Arget',
          email: `target${count}@jura.test`,
        });
        if (created.statusCode !== 201) throw new Error(created.body);
        return created.json().user.id;
      },
      invitation: async () => {
        count += 1;
        const sent = await owner.post(`/api/v1/accounts/${accountId}/invitations`, {
          email: `invited${count}@extern.test`,
          permissions: [],
        });
        return sent.json().id;
      },
      guest: async () => {
        count += 1;
        const created = await foreign.client.post(`/api/v1/accounts/${foreignAccount}/users`, {
          username: `guest ${count}`,
          firstName: 'G',
          lastName: 'Ast',
          email: `guest${count}@andere.test`,
        });
        if (created.statusCode !== 201) throw new Error(created.body);
        const id = created.json().user.id as string;
        await joinHere(id, []);
        return id;
      },
      domainContact: async () =>
        (await owner.post(`/api/v1/accounts/${accountId}/domain-contacts`, domainContact)).json().id,
      domain: async () => {
        count += 1;
        const registrantId = (
          await owner.post(`/api/v1/accounts/${accountId}/domain-contacts`, domainContact)
        ).json().id;
        const domains = `/api/v1/accounts/${accountId}/domains`;
        const added = await owner.post(domains, { name: `matrix-${count}.example`, registrantId });
        if (added.statusCode !== 201) throw new Error(added.body);
        const id = added.json().id as string;
        const record = await owner.post(`${domains}/${id}/records`, {
          name: 'www',
          type: 'A',
          value: '192.0.2.1',
        });
        if (record.statusCode !== 201) throw new Error(record.body);
        return { id, recordId: record.json().id as string };
      },
      ownerPhone: async () =>
        (
          await owner.post(`/api/v1/accounts/${accountId}/express-setup/phones`, {
            manufacturer: 'snom',
            model: 'd785',
            serialNumber: `SN-${newId()}`,
          })
        ).json().id,
      // A service of its own each time (users would run out of seats), subscribed for the whole account.
      subscription: async () => {
        count += 1;
        const service = await serviceWithPrice(operatorClient, { code: `matrix-${count}` });
        const booked = await owner.post(`/api/v1/accounts/${accountId}/subscriptions`, {
          serviceId: service,
          scope: 'account',
        });
        if (booked.statusCode !== 201) throw new Error(booked.body);
        return booked.json().items[0].id;
      },
    };
    Object.assign(clients, {
      anonymous: new TestClient(t.app),
      operator: operatorClient,
      auditor: (await invitedOperator(t.app, operatorClient, ['auditor'])).client,
      member: plain.client,
      invited: invited.client,
      admin: admin.client,
      owner,
      foreignAdmin: foreign.client,
    });
  });
  afterAll(() => t.close());

  /** Fresh objects for every call: a route that deletes one must not change what the next call sees. */
  const call = async (client: TestClient, route: RouteCase, caller: string) => {
    const ids: Ids = {
      user: await fixture.user(),
      invitation: await fixture.invitation(),
      guest: await fixture.guest(),
      domainContact: await fixture.domainContact(),
      domain: await fixture.domain(),
      subscription: await fixture.subscription(),
      ownerPhone: await fixture.ownerPhone(),
    };
    const unique = `${caller}-${newId().slice(0, 8)}`;
    return client.request({
      method: route.method,
      url: route.url(fixture, ids),
      ...(route.body ? { payload: route.body(fixture, ids, unique) } : {}),
    });
  };

  for (const route of routes) {
    it.each(actors)(`${route.name} as %s`, async (actor) => {
      const client =
        actor === 'memberWith'
          ? withOnly[route.permission ?? 'users.manage']
          : actor === 'memberWithout'
            ? withAllBut[route.permission ?? 'users.manage']
            : clients[actor];
      const response = await call(client, route, actor);
      expect(response.statusCode, response.body).toBe(route.expected[actor]);
    });
    it(`${route.name} as an auditing operator`, async () => {
      const response = await call(clients.auditor, route, 'auditor');
      expect(response.statusCode, response.body).toBe(auditorExpects(route));
    });
  }

  it('hides whether an id exists in another account', async () => {
    const foreignAccount = await accountIdOf(clients.foreignAdmin);
    const mine = await clients.owner.get(`/api/v1/accounts/${foreignAccount}/users`);
    const madeUp = await clients.owner.get('/api/v1/accounts/00000000-0000-0000-0000-000000000000/users');
    expect(mine.statusCode).toBe(404);
    expect(mine.body).toBe(madeUp.body);
  });
});
