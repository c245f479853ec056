// C3: the operators' inbox of every account's requests, by state, account (id or customer number) and age;
// one request with its account beside it; state changes by hand.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  registeredOwner,
  signedInOperator,
  strongPassword,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import { days, minutes } from '../../shared/clock.ts';

describeEachDatabase('support inbox', (dialect) => {
  let t: TestApp;
  let operator: TestClient;
  const accounts: { id: string; email: string; customerNumber: string; client: TestClient }[] = [];
  const subjects = async (query: string) =>
    (
      (await operator.get(`/api/v1/operator/support-requests${query}`)).json().items as { subject: string }[]
    ).map((item) => item.subject);
  beforeAll(async () => {
    t = await buildTestApp({ db: dialect });
    for (const name of ['nord', 'sued']) {
      const owner = await registeredOwner(t.app, {
        email: `chef@${name}.test`,
        companyName: `Firma ${name}`,
      });
      await owner.client.post('/api/v1/auth/sign-in', { email: owner.email, password: owner.password });
      accounts.push({
        id: await accountIdOf(owner.client),
        email: owner.email,
        customerNumber: owner.customerNumber,
        client: owner.client,
      });
    }
    const open = async (index: number, subject: string) => {
      const account = accounts[index];
      if (!account) throw new Error('no account');
      const opened = await account.client.post(`/api/v1/accounts/${account.id}/support-requests`, {
        subject,
        text: '…',
      });
      expect(opened.statusCode, opened.body).toBe(201);
      return opened.json().id as string;
    };
    await open(0, 'alt nord');
    t.clock.advance(days(10));
    for (const account of accounts) {
      await account.client.post('/api/v1/auth/sign-in', { email: account.email, password: strongPassword });
    }
    operator = (await signedInOperator(t.app)).client;
    const answered = await open(1, 'neu sued');
    await operator.post(`/api/v1/operator/support-requests/${answered}/answers`, { text: 'Antwort' });
    t.clock.advance(minutes(1));
    await open(0, 'neu nord');
  });
  afterAll(() => t.close());

  it('lists every request, latest activity first, and filters by state, account and age', async () => {
    expect(await subjects('')).toEqual(['neu nord', 'neu sued', 'alt nord']);
    expect(await subjects('?state=waiting_for_customer')).toEqual(['neu sued']);
    expect(await subjects('?state=open')).toEqual(['neu nord', 'alt nord']);
    expect(await subjects(`?account=${accounts[0]?.id}`)).toEqual(['neu nord', 'alt nord']);
    expect(await subjects(`?account=${accounts[1]?.customerNumber}`)).toEqual(['neu sued']);
    expect(await subjects('?olderThanDays=5')).toEqual(['alt nord']);
    const page = (await operator.get('/api/v1/operator/support-requests?pageSize=2&page=2')).json();
    expect({ total: page.total, subjects: page.items.map((i: { subject: string }) => i.subject) }).toEqual({
      total: 3,
      subjects: ['alt nord'],
    });
  });

  it('shows one request with its account, and changes its state', async () => {
    const [first] = (await operator.get('/api/v1/operator/support-requests')).json().items as {
      id: string;
    }[];
    const request = await operator.get(`/api/v1/operator/support-requests/${first?.id}`);
    expect(request.json().account).toMatchObject({
      name: 'Firma nord',
      customerNumber: accounts[0]?.customerNumber,
    });
    const closed = await operator.put(`/api/v1/operator/support-requests/${first?.id}/state`, {
      state: 'closed',
    });
    expect(closed.json().state).toBe('closed');
    expect(await subjects('?state=closed')).toEqual(['neu nord']);
    const unknown = await operator.get(
      '/api/v1/operator/support-requests/00000000-0000-0000-0000-000000000000',
    );
    expect(unknown.statusCode).toBe(404);
    const member = accounts[0]?.client;
    expect((await member?.get('/api/v1/operator/support-requests'))?.statusCode).toBe(401);
  });
});
