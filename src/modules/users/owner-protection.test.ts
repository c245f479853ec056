// Issue 6.1 "account takeover by any admin" and 6.2 "a revoked key handed out", on both databases.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  lastEmailTo,
  signedInOwner,
  signedInUser,
  strongPassword,
  subjectsTo,
  TestClient,
} from '../../../test/helpers/test-client.ts';

describeEachDatabase('the owner and the access keys', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let ownerId: string;
  let users: string;
  let anna: TestClient; // an admin who is not the owner
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    const accountId = await accountIdOf(owner);
    ownerId = (await owner.get('/api/v1/auth/session')).json().user.id;
    users = `/api/v1/accounts/${accountId}/users`;
    const admin = await signedInUser(t.app, owner, accountId, { username: 'anna', email: 'anna@jura.test' });
    anna = admin.client;
    await owner.request({ method: 'PUT', url: `${users}/${admin.user.id}/admin` });
  });
  afterEach(() => t.close());

  const berndPerson = { username: 'bernd', firstName: 'Bernd', lastName: 'Bauer', email: 'bernd@jura.test' };
  const paul = { username: 'prog', firstName: 'Paul', lastName: 'Prog', email: 'paul@jura.test' };
  const createUser = (client: TestClient, person: object) => client.post(users, person);

  it('account takeover by any admin: never; only the owner changes the owner’s user', async () => {
    const before = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', ownerId)
      .executeTakeFirstOrThrow();
    const intruder = { username: 'mallory', firstName: 'Mallory', lastName: 'M', email: 'mallory@evil.test' };
    const attempts = {
      reassign: await anna.post(`${users}/${ownerId}/reassign`, intruder),
      edit: await anna.request({
        method: 'PATCH',
        url: `${users}/${ownerId}`,
        payload: { email: 'mallory@evil.test' },
      }),
      key: await anna.post(`${users}/${ownerId}/access-keys`, { currentPassword: strongPassword }),
      delete: await anna.request({ method: 'DELETE', url: `${users}/${ownerId}` }),
      demote: await anna.request({ method: 'DELETE', url: `${users}/${ownerId}/admin` }),
    };
    expect(
      Object.fromEntries(Object.entries(attempts).map(([name, r]) => [name, [r.statusCode, r.json().code]])),
    ).toEqual({
      reassign: [409, 'OWNER_NOT_REASSIGNABLE'],
      edit: [403, 'OWNER_ONLY'],
      key: [403, 'OWNER_ONLY'],
      delete: [409, 'CANNOT_DELETE_OWNER'],
      demote: [409, 'OWNER_KEEPS_ADMIN_RIGHT'],
    });
    expect(attempts.reassign.json().message).toContain('Inhaber');
    const after = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', ownerId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(await subjectsTo(t.app, 'mallory@evil.test')).toEqual([]);
    // The owner is not locked out, and may still change their own user, and it cannot be reassigned at all.
    const signIn = await new TestClient(t.app).post('/api/v1/auth/sign-in', {
      email: 'justus@jura.test',
      password: strongPassword,
    });
    expect(signIn.statusCode).toBe(200);
    expect(
      (await owner.request({ method: 'PATCH', url: `${users}/${ownerId}`, payload: { title: 'Prof.' } }))
        .statusCode,
    ).toBe(200);
    expect((await owner.post(`${users}/${ownerId}/reassign`, intruder)).json().code).toBe(
      'OWNER_NOT_REASSIGNABLE',
    );
  });

  it('gives a reassigned admin user’s new person no admin right, and tells the owner', async () => {
    const bernd = (await createUser(owner, berndPerson)).json().user;
    await owner.request({ method: 'PUT', url: `${users}/${bernd.id}/admin` });
    expect(await subjectsTo(t.app, 'justus@jura.test')).not.toContain(
      'Bernd Bauer hat jetzt das Verwalterrecht für Kanzlei Jura & Partner', // the owner did it: no notice
    );
    t.clock.advance(1000); // the notice is then the newest e-mail
    const response = await anna.post(`${users}/${bernd.id}/reassign`, {
      username: 'clara',
      firstName: 'Clara',
      lastName: 'Christ',
      email: 'clara@jura.test',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ username: 'clara', role: 'member', isAdmin: false });
    // Clara's membership is a member's: the admin right did not go with the user.
    const clara = await t.db
      .selectFrom('memberships')
      .select('role')
      .where('userId', '=', bernd.id)
      .executeTakeFirstOrThrow();
    expect(clara.role).toBe('member');
    const notice = await lastEmailTo(t.app, 'justus@jura.test');
    expect(notice.subject).toBe('Ein Verwalter-Benutzer von Kanzlei Jura & Partner wurde neu vergeben');
    expect(notice.textBody).toMatch(/^Sehr geehrter Herr Dr\. Jura,/);
    expect(notice.textBody).toContain(
      `Mia Muster hat den Benutzer ${bernd.userNumber} im Kundenkonto von Kanzlei Jura & Partner neu vergeben: Er gehörte Bernd Bauer und gehört jetzt Clara Christ.`,
    );
    const audit = await t.db
      .selectFrom('auditEvents')
      .select('details')
      .where('action', '=', 'user.reassigned')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? '{}')).toMatchObject({ adminRightRemoved: true });
  });

  it('tells the owner whenever someone else grants the admin right', async () => {
    const bernd = (await createUser(anna, berndPerson)).json().user;
    t.clock.advance(1000);
    expect((await anna.request({ method: 'PUT', url: `${users}/${bernd.id}/admin` })).statusCode).toBe(200);
    const notice = await lastEmailTo(t.app, 'justus@jura.test');
    expect(notice.subject).toBe('Bernd Bauer hat jetzt das Verwalterrecht für Kanzlei Jura & Partner');
    expect(notice.textBody).toContain(`Mia Muster hat Bernd Bauer (Benutzernummer ${bernd.userNumber})`);
    expect(notice.textBody).toContain('http://kontor.test/account/users');
  });

  it('a revoked key handed out: never; a new key ends every reveal link that would show an older one', async () => {
    const created = (await createUser(anna, paul)).json();
    const token = (await lastEmailTo(t.app, 'paul@jura.test', 'reveal')).link('reveal');
    expect(
      (await anna.post(`${users}/${created.user.id}/access-keys`, { currentPassword: strongPassword }))
        .statusCode,
    ).toBe(201);
    const check = await new TestClient(t.app).post('/api/v1/credentials/reveal/check', { token });
    expect([check.statusCode, check.json().code]).toEqual([410, 'LINK_USED']);
    const reveal = await new TestClient(t.app).post('/api/v1/credentials/reveal', { token });
    expect(reveal.statusCode).toBe(410);
    expect(reveal.body).not.toContain(created.credentials.accessKey);
  });

  it('never shows the owner’s welcome-mail key once the owner has a new one', async () => {
    // The welcome e-mail of the registration carried a reveal link; the owner issues a new key.
    const welcome = await lastEmailTo(t.app, 'justus@jura.test', 'reveal');
    const token = welcome.link('reveal');
    expect(
      (await owner.post(`${users}/${ownerId}/access-keys`, { currentPassword: strongPassword })).statusCode,
    ).toBe(201);
    expect((await new TestClient(t.app).post('/api/v1/credentials/reveal', { token })).json().code).toBe(
      'LINK_USED',
    );
  });

  it('checks that the key behind a reveal link is still live before it shows it', async () => {
    await createUser(anna, paul);
    const token = (await lastEmailTo(t.app, 'paul@jura.test', 'reveal')).link('reveal');
    // A key revoked by any path (not only rotation) is never revealed.
    await t.db.updateTable('accessKeys').set({ revokedAt: t.clock.now().toISOString() }).execute();
    expect((await new TestClient(t.app).post('/api/v1/credentials/reveal', { token })).json().code).toBe(
      'LINK_USED',
    );
  });
});
