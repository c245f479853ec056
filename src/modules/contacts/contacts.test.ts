// C1, M4: contacts of an account, kept by admins and members with "manage contacts", validated per field,
// the same address in several accounts, every change audited.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOwner,
  signedInUser,
  type TestClient,
} from '../../../test/helpers/test-client.ts';

const accountant = {
  name: 'Erika Zahl',
  email: 'Erika@Steuer.test',
  phone: '030 1234567',
  locale: 'de',
  categories: ['invoice'],
};

describeEachDatabase('contacts', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let contacts: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    contacts = `/api/v1/accounts/${accountId}/contacts`;
  });
  afterEach(() => t.close());

  const rows = () => t.db.selectFrom('contacts').selectAll().execute();
  const auditActions = async () =>
    (
      await t.db
        .selectFrom('auditEvents')
        .select(['action', 'targetName'])
        .where('action', 'like', 'contact.%')
        .orderBy('createdAt')
        .execute()
    ).map((row) => `${row.action} ${row.targetName}`);

  it('an owner adds, changes and removes a contact; the phone is stored as E.164 and every step is audited', async () => {
    const added = await owner.post(contacts, accountant);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      name: 'Erika Zahl',
      email: 'erika@steuer.test',
      phone: '+49301234567',
      categories: ['invoice'],
      mayOpenRequests: false,
    });
    const id = added.json().id;
    const changed = await owner.put(`${contacts}/${id}`, {
      ...accountant,
      name: 'Erika Zahl-Berger',
      phone: '+36 1 234 5678',
      locale: 'hu',
      categories: ['support', 'invoice'],
      mayOpenRequests: true,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      phone: '+3612345678',
      locale: 'hu',
      categories: ['invoice', 'support'],
      mayOpenRequests: true,
    });
    expect((await owner.get(contacts)).json().items.map((c: { name: string }) => c.name)).toEqual([
      'Erika Zahl-Berger',
    ]);
    expect((await owner.delete(`${contacts}/${id}`)).statusCode).toBe(204);
    expect(await rows()).toEqual([]);
    expect((await owner.get(`${contacts}/${id}`)).statusCode).toBe(404);
    expect(await auditActions()).toEqual([
      'contact.added {"name":"Erika Zahl"}',
      'contact.changed {"name":"Erika Zahl-Berger"}',
      'contact.removed {"name":"Erika Zahl-Berger"}',
    ]);
  });

  it('the same address may be a contact of several accounts, but only once of each', async () => {
    const other = (await signedInOwner(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro Eva' }))
      .client;
    const otherContacts = `/api/v1/accounts/${await accountIdOf(other)}/contacts`;
    expect((await owner.post(contacts, accountant)).statusCode).toBe(201);
    expect((await other.post(otherContacts, accountant)).statusCode).toBe(201);
    const again = await owner.post(contacts, { ...accountant, email: 'ERIKA@steuer.test' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'CONTACT_EXISTS',
      details: [{ field: 'email', code: 'CONTACT_EXISTS' }],
    });
    expect(await rows()).toHaveLength(2);
  });

  it("refuses bad input per field, in the caller's language, and writes nothing", async () => {
    const badPhone = await owner.post(contacts, { ...accountant, phone: '12' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json()).toMatchObject({ code: 'PHONE_INVALID', details: [{ field: 'phone' }] });
    expect(badPhone.json().message).toContain('Telefonnummer');
    const badEmail = await owner.post(contacts, { ...accountant, email: 'not an address' });
    expect(badEmail.json().details).toEqual([expect.objectContaining({ field: 'email' })]);
    const badCategory = await owner.post(contacts, { ...accountant, categories: ['spam'] });
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().details).toEqual([expect.objectContaining({ field: 'categories.0' })]);
    const injected = await owner.post(contacts, { ...accountant, name: 'Erika\r\nBcc: all@evil.test' });
    expect(injected.statusCode).toBe(400);
    expect(injected.json().details).toEqual([expect.objectContaining({ field: 'name' })]);
    expect(await rows()).toEqual([]);
  });

  it('a member needs "manage contacts"; another account\'s contact is not found', async () => {
    const member = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    expect((await member.client.get(contacts)).statusCode).toBe(403);
    expect((await member.client.post(contacts, accountant)).statusCode).toBe(403);
    await owner.put(`/api/v1/accounts/${accountId}/users/${member.user.id}/permissions`, {
      permissions: ['contacts.manage'],
    });
    expect((await member.client.post(contacts, accountant)).statusCode).toBe(201);

    const other = (await signedInOwner(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro Eva' }))
      .client;
    const [contact] = await rows();
    const otherContacts = `/api/v1/accounts/${await accountIdOf(other)}/contacts`;
    expect((await other.get(`${otherContacts}/${contact?.id}`)).statusCode).toBe(404);
    expect((await other.delete(`${otherContacts}/${contact?.id}`)).statusCode).toBe(404);
    expect((await other.get(`${contacts}/${contact?.id}`)).statusCode).toBe(404);
    expect(await rows()).toHaveLength(1);
  });
});
