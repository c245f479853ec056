// A3: operators provision accounts for orders, search them, suspend and reactivate them.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  lastEmailTo,
  signedInOperator,
  signedInOwner,
  strongPassword,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { hours } from '../../shared/clock.ts';
import { parseCustomerNumber } from '../../shared/numbers.ts';

const activation = {
  password: strongPassword,
  pin: '470192',
  securityQuestion: 'firstSchool',
  securityAnswer: 'Petőfi Általános Iskola',
};

const order = {
  name: 'Steuerbüro Kovács Kft.',
  seatLimit: 10,
  locale: 'hu',
  timezone: 'Europe/Budapest',
  billing: {
    street: 'Andrássy út 1',
    postalCode: '1061',
    city: 'Budapest',
    country: 'HU',
    vatId: 'HU12345678',
  },
  mainUser: { firstName: 'Éva', lastName: 'Kovács', email: 'eva@kovacs.test' },
};

describeEachDatabase('account provisioning', (dialect) => {
  let t: TestApp;
  let operator: TestClient;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    operator = (await signedInOperator(t.app)).client;
  });
  afterEach(() => t.close());

  it('creates an account for an order; its main user activates through the link and is signed in', async () => {
    const response = await operator.post('/api/v1/operator/accounts', order);
    expect(response.statusCode).toBe(201);
    const account = response.json();
    expect(parseCustomerNumber(account.customerNumber)).toBe(account.customerNumber);
    expect(account).toMatchObject({
      name: 'Steuerbüro Kovács Kft.',
      status: 'active',
      seatLimit: 10,
      seatsUsed: 1,
      timezone: 'Europe/Budapest',
      billing: { city: 'Budapest', vatId: 'HU12345678' },
      owner: { firstName: 'Éva', lastName: 'Kovács', email: 'eva@kovacs.test', pendingActivation: true },
    });

    const mail = await lastEmailTo(t.app, 'eva@kovacs.test', 'activate');
    expect(mail.subject).toBe('Elkészült a(z) Steuerbüro Kovács Kft. ügyfélfiókja');
    expect(mail.textBody).toContain(`Ügyfélszám: ${account.customerNumber}`);
    expect(mail.textBody).not.toContain('/reset-password#token=');
    const client = new TestClient(t.app);
    const activated = await client.post('/api/v1/activation/complete', {
      token: mail.link('activate'),
      ...activation,
    });
    expect(activated.statusCode).toBe(200);
    expect(activated.json().account).toMatchObject({ customerNumber: account.customerNumber, role: 'owner' });
    const signIn = await client.post('/api/v1/auth/sign-in', {
      email: 'eva@kovacs.test',
      password: strongPassword,
    });
    expect(signIn.statusCode).toBe(200);

    const audit = (await operator.get(`/api/v1/operator/audit?accountId=${account.id}`)).json().items;
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'account.provisioned',
        actor: expect.objectContaining({ type: 'operator', name: 'Olga Operator' }),
      }),
    );
  });

  it('lets the activation link expire after 48 hours', async () => {
    await operator.post('/api/v1/operator/accounts', order);
    const token = (await lastEmailTo(t.app, 'eva@kovacs.test', 'activate')).link('activate');
    t.clock.advance(hours(48));
    const client = new TestClient(t.app);
    const expired = await client.post('/api/v1/activation/complete', { token, ...activation });
    expect(expired.json().code).toBe('LINK_EXPIRED');
  });

  it('gives a pending main user no password reset link: activation is the way in', async () => {
    await operator.post('/api/v1/operator/accounts', order);
    const reset = await new TestClient(t.app).post('/api/v1/auth/password-reset', {
      email: 'eva@kovacs.test',
    });
    expect(reset.statusCode).toBe(202);
    await expect(lastEmailTo(t.app, 'eva@kovacs.test', 'reset-password')).rejects.toThrow('no e-mail');
  });

  it('refuses a main user whose e-mail address is taken, and invalid orders, naming the fields', async () => {
    await operator.post('/api/v1/operator/accounts', order);
    const taken = await operator.post('/api/v1/operator/accounts', { ...order, name: 'Other' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().details).toEqual([
      expect.objectContaining({ field: 'mainUser.email', code: 'EMAIL_TAKEN' }),
    ]);
    const invalid = await operator.post('/api/v1/operator/accounts', {
      ...order,
      seatLimit: 0,
      timezone: 'Mars/Olympus Mons; DROP',
      mainUser: { ...order.mainUser, email: 'nope' },
    });
    expect(invalid.statusCode).toBe(400);
    const fields = invalid.json().details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['seatLimit', 'timezone', 'mainUser.email']));
  });

  it('searches accounts by name, customer number and owner, and pages', async () => {
    const first = (await operator.post('/api/v1/operator/accounts', order)).json();
    await signedInOwner(t.app);
    const search = (q: string) =>
      operator.get(`/api/v1/operator/accounts?q=${encodeURIComponent(q)}`).then((r) => r.json());
    expect((await search('kovács')).items.map((item: { id: string }) => item.id)).toEqual([first.id]);
    expect((await search(first.customerNumber)).items).toHaveLength(1);
    expect((await search('justus@jura')).items[0].name).toBe('Kanzlei Jura & Partner');
    expect((await search('')).total).toBe(2);
    expect((await operator.get('/api/v1/operator/accounts?pageSize=1&page=2')).json().items).toHaveLength(1);
  });

  it('suspends an account: its users are signed out at once and cannot sign in; reactivation restores it', async () => {
    const owner = await signedInOwner(t.app);
    const accountId = (await owner.client.get('/api/v1/auth/session')).json().account.id;
    const suspended = await operator.post(`/api/v1/operator/accounts/${accountId}/suspend`);
    expect(suspended.json().status).toBe('suspended');
    expect((await owner.client.get(`/api/v1/accounts/${accountId}/users`)).statusCode).toBe(401);
    const refused = await owner.client.post('/api/v1/auth/sign-in', {
      email: owner.email,
      password: strongPassword,
    });
    expect(refused.json().code).toBe('ACCOUNT_SUSPENDED');

    await operator.post(`/api/v1/operator/accounts/${accountId}/reactivate`);
    expect(
      (await owner.client.post('/api/v1/auth/sign-in', { email: owner.email, password: strongPassword }))
        .statusCode,
    ).toBe(200);
  });

  it('changes the seat limit, and the new limit applies to the next user', async () => {
    const owner = await signedInOwner(t.app);
    const accountId = (await owner.client.get('/api/v1/auth/session')).json().account.id;
    const changed = await operator.request({
      method: 'PATCH',
      url: `/api/v1/operator/accounts/${accountId}`,
      payload: { seatLimit: 1 },
    });
    expect(changed.json()).toMatchObject({ seatLimit: 1, seatsUsed: 1 });
    const refused = await owner.client.post(`/api/v1/accounts/${accountId}/users`, {
      username: 'x',
      firstName: 'X',
      lastName: 'Y',
    });
    expect(refused.json().code).toBe('SEAT_LIMIT_REACHED');
  });

  it('shows the owner on the account page, and never lowers the seat limit below the seats in use', async () => {
    const account = (await operator.post('/api/v1/operator/accounts', order)).json();
    const detail = (await operator.get(`/api/v1/operator/accounts/${account.id}`)).json();
    expect(detail.owner).toEqual({
      title: null,
      firstName: 'Éva',
      lastName: 'Kovács',
      email: 'eva@kovacs.test',
      pendingActivation: true,
    });
    const lower = await operator.request({
      method: 'PATCH',
      url: `/api/v1/operator/accounts/${account.id}`,
      payload: { seatLimit: 0 },
    });
    expect(lower.statusCode).toBe(400); // the schema already refuses 0
    await t.db.updateTable('accounts').set({ seatsUsed: 3 }).execute();
    const below = await operator.request({
      method: 'PATCH',
      url: `/api/v1/operator/accounts/${account.id}`,
      payload: { seatLimit: 2 },
    });
    expect(below.statusCode).toBe(409);
    expect(below.json()).toMatchObject({ code: 'SEAT_LIMIT_BELOW_USED', details: [{ field: 'seatLimit' }] });
  });

  it('is for operators only', async () => {
    const owner = await signedInOwner(t.app);
    for (const client of [owner.client, new TestClient(t.app)]) {
      expect((await client.get('/api/v1/operator/accounts')).statusCode).toBe(401);
      expect((await client.post('/api/v1/operator/accounts', order)).statusCode).toBe(401);
    }
  });
});
