// D1: operators assign hosted products to an account, suspend, resume and end them; members with
// "products.view" read them, other members get 403, other accounts 404. Audited; refusals write nothing.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  signedInUser,
  type TestClient,
} from '../../../test/helpers/test-client.ts';

describeEachDatabase('hosted products', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let operator: TestClient;
  let accountId: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    operator = (await signedInOperator(t.app)).client;
  });
  afterEach(() => t.close());

  const operatorUrl = () => `/api/v1/operator/accounts/${accountId}/hosted-products`;
  const memberUrl = () => `/api/v1/accounts/${accountId}/hosted-products`;
  const assign = (payload: object) => operator.post(operatorUrl(), payload);
  const member = async (permissions: string[], username: string) => {
    const made = await signedInUser(t.app, owner, accountId, { username, email: `${username}@jura.test` });
    await owner.put(`/api/v1/accounts/${accountId}/users/${made.user.id}/permissions`, { permissions });
    return made.client;
  };

  it('assigns, suspends, resumes and ends a product, audited, and the account reads it', async () => {
    const created = await assign({ name: '  Virtual server   S ', startedOn: '2026-01-15' });
    expect(created.statusCode, created.body).toBe(201);
    const product = created.json();
    expect(product).toMatchObject({
      name: 'Virtual server S',
      startedOn: '2026-01-15',
      state: 'active',
      endedAt: null,
    });
    const url = `${operatorUrl()}/${product.id}`;

    const suspended = await operator.request({ method: 'PATCH', url, payload: { state: 'suspended' } });
    expect(suspended.json().state).toBe('suspended');
    const resumed = await operator.request({ method: 'PATCH', url, payload: { state: 'active' } });
    expect(resumed.json().state).toBe('active');

    const reader = await member(['products.view'], 'reader');
    expect((await reader.get(memberUrl())).json().items).toEqual([
      expect.objectContaining({ state: 'active' }),
    ]);

    const ended = await operator.post(`${url}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json().endedAt).toBeTruthy();
    expect((await operator.post(`${url}/end`)).statusCode).toBe(409);
    expect((await operator.request({ method: 'PATCH', url, payload: { state: 'active' } })).statusCode).toBe(
      409,
    );
    expect((await reader.get(memberUrl())).json().items[0].state).toBe('ended');

    const audited = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'accountId', 'actorType'])
      .where('action', 'like', 'hosted_product.%')
      .orderBy('createdAt')
      .execute();
    expect(audited.map((row) => row.action)).toEqual([
      'hosted_product.assigned',
      'hosted_product.state_changed',
      'hosted_product.state_changed',
      'hosted_product.ended',
    ]);
    expect(audited.every((row) => row.accountId === accountId && row.actorType === 'operator')).toBe(true);
  });

  it('refuses a blank name or a day that does not exist, writing nothing', async () => {
    const blank = await assign({ name: '   ', startedOn: '2026-02-30' });
    expect(blank.statusCode).toBe(400);
    expect(
      blank.json().details.map((detail: { field: string; code: string }) => [detail.field, detail.code]),
    ).toEqual([
      ['name', 'HOSTED_PRODUCT_NAME_BLANK'],
      ['startedOn', 'HOSTED_PRODUCT_START_INVALID'],
    ]);
    expect((await assign({ name: 'X', startedOn: 'tomorrow' })).statusCode).toBe(400);
    expect(await t.db.selectFrom('hostedProducts').selectAll().execute()).toEqual([]);
    const nowhere = await operator.post(
      '/api/v1/operator/accounts/00000000-0000-0000-0000-000000000000/hosted-products',
      {
        name: 'X',
        startedOn: '2026-01-01',
      },
    );
    expect(nowhere.statusCode).toBe(404);
  });

  it('shows the products to members with products.view only, and never to another account', async () => {
    await assign({ name: 'Mail server', startedOn: '2026-01-01' });
    const plain = await member([], 'plain');
    expect((await plain.get(memberUrl())).statusCode).toBe(403);
    const foreign = await signedInOwner(t.app, {
      email: 'chef@andere.test',
      companyName: 'Andere',
      username: 'chef',
    });
    expect((await foreign.client.get(memberUrl())).statusCode).toBe(404);
    // Another account's product cannot be reached through this account's path.
    const foreignAccount = await accountIdOf(foreign.client);
    const theirs = (
      await operator.post(`/api/v1/operator/accounts/${foreignAccount}/hosted-products`, {
        name: 'Their server',
        startedOn: '2026-01-01',
      })
    ).json().id;
    expect((await operator.post(`${operatorUrl()}/${theirs}/end`)).statusCode).toBe(404);
    expect((await owner.get(memberUrl())).json().items.map((item: { name: string }) => item.name)).toEqual([
      'Mail server',
    ]);
  });
});
