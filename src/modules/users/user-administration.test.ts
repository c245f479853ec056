// U1–U6, A4, U2 for admins; SECURITY.md 20–22, 24.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  lastEmailTo,
  signedInOwner,
  signedInUser,
  strongPassword,
  subjectsTo,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import { hashToken } from '../../shared/tokens.ts';

describeEachDatabase('user administration', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let users: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect, env: { DEFAULT_SEAT_LIMIT: '4' } });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    users = `/api/v1/accounts/${accountId}/users`;
  });
  afterEach(() => t.close());

  const create = (body: Record<string, unknown>, client = owner) =>
    client.post(users, { firstName: 'Anna', lastName: 'Alt', ...body });

  it('creates a user with a 7-digit number and an access key shown once, and e-mails a reveal link', async () => {
    const response = await create({ username: 'Anna Alt', email: 'anna@jura.test', title: 'Dr.' });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const { user, credentials } = response.json();
    expect(user).toMatchObject({ username: 'Anna Alt', role: 'member', isAdmin: false, title: 'Dr.' });
    expect(user.userNumber).toMatch(/^\d{7}$/);
    expect(credentials.accessKey).toMatch(/^[\w-]{43}$/);
    const stored = await t.db
      .selectFrom('accessKeys')
      .select('keyHash')
      .where('userId', '=', user.id)
      .execute();
    expect(stored).toEqual([{ keyHash: hashToken(credentials.accessKey) }]);

    const mail = await lastEmailTo(t.app, 'anna@jura.test', 'reveal');
    expect(mail.subject).toBe('Ihre Zugangsdaten für Kanzlei Jura & Partner'); // the account's language
    expect(mail.textBody).toContain(`Benutzernummer: ${user.userNumber}`);
    expect(mail.textBody).not.toContain(credentials.accessKey);
  });

  it('sends the reveal link to the admin when the user has no e-mail address', async () => {
    const response = await create({ username: 'Azubi' });
    expect(response.statusCode).toBe(201);
    expect(await subjectsTo(t.app, 'justus@jura.test')).toContain('Zugangsdaten für Anna Alt');
  });

  it('lists users with seats in use, searches and pages; marks admins', async () => {
    await create({ username: 'Anna Alt', email: 'anna@jura.test' });
    await create({ username: 'Bernd', firstName: 'Bernd', lastName: 'Bauer' });
    const all = (await owner.get(users)).json();
    expect(all).toMatchObject({ total: 3, seats: { used: 3, limit: 4 } });
    expect(
      all.items.map((item: { lastName: string; isAdmin: boolean }) => [item.lastName, item.isAdmin]),
    ).toEqual([
      ['Alt', false],
      ['Bauer', false],
      ['Jura', true],
    ]);
    expect(
      (await owner.get(`${users}?q=bau`)).json().items.map((item: { username: string }) => item.username),
    ).toEqual(['Bernd']);
    expect((await owner.get(`${users}?q=%25`)).json().total).toBe(0); // % is searched for, not a wildcard
    const page = (await owner.get(`${users}?page=2&pageSize=2`)).json();
    expect(page.items.map((item: { lastName: string }) => item.lastName)).toEqual(['Jura']);
  });

  it('shows members only themselves', async () => {
    await create({ username: 'Bernd', firstName: 'Bernd', lastName: 'Bauer' });
    const { client: member, user } = await signedInUser(t.app, owner, accountId, {
      username: 'mia',
      email: 'mia@jura.test',
    });
    const list = (await member.get(users)).json();
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([user.id]);
    const ownerId = (await owner.get('/api/v1/auth/session')).json().user.id;
    expect((await member.get(`${users}/${ownerId}`)).statusCode).toBe(404);
    expect((await member.get(`${users}/${user.id}`)).statusCode).toBe(200);
  });

  it('refuses one user too many with a localized explanation, and never overshoots under concurrency', async () => {
    await create({ username: 'one' });
    await create({ username: 'two' });
    await create({ username: 'three' });
    const refused = await create({ username: 'four' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'SEAT_LIMIT_REACHED',
      message: expect.stringContaining('Alle 4 Lizenzen dieses Kontos sind belegt (4 von 4)'),
    });
    const hungarian = await owner.post(
      users,
      { firstName: 'A', lastName: 'B', username: 'x' },
      { 'accept-language': 'hu' },
    );
    expect(hungarian.json().code).toBe('SEAT_LIMIT_REACHED');

    await t.db.updateTable('accounts').set({ seatLimit: 14 }).execute();
    const burst = await Promise.all(Array.from({ length: 25 }, (_, i) => create({ username: `burst ${i}` })));
    expect(burst.filter((response) => response.statusCode === 201)).toHaveLength(10);
    expect(burst.filter((response) => response.statusCode === 409)).toHaveLength(15);
    const account = await t.db.selectFrom('accounts').select(['seatsUsed']).executeTakeFirstOrThrow();
    const own = await t.db.selectFrom('users').select('id').execute();
    expect(account.seatsUsed).toBe(14);
    expect(own).toHaveLength(14);
  });

  it('frees the seat when a user is deleted, but never deletes the owner', async () => {
    const { user } = (await create({ username: 'temp' })).json();
    expect((await owner.request({ method: 'DELETE', url: `${users}/${user.id}` })).statusCode).toBe(204);
    // The unfiltered total is the seats in use (every own user holds one): both went down.
    expect((await owner.get(users)).json()).toMatchObject({ total: 1, seats: { used: 1 } });
    const ownerId = (await owner.get('/api/v1/auth/session')).json().user.id;
    const refused = await owner.request({ method: 'DELETE', url: `${users}/${ownerId}` });
    expect(refused.json().code).toBe('CANNOT_DELETE_OWNER');
  });

  it('delegates the admin right only to users with an e-mail address, and keeps the last admin', async () => {
    const withoutEmail = (await create({ username: 'no mail' })).json().user;
    const noMail = await owner.request({ method: 'PUT', url: `${users}/${withoutEmail.id}/admin` });
    expect(noMail.statusCode).toBe(400);
    expect(noMail.json()).toMatchObject({ code: 'ADMIN_EMAIL_REQUIRED', details: [{ field: 'email' }] });

    const { client: anna, user } = await signedInUser(t.app, owner, accountId, {
      username: 'anna',
      email: 'anna@jura.test',
    });
    expect((await anna.post(users, { username: 'x', firstName: 'X', lastName: 'Y' })).statusCode).toBe(403);
    const granted = await owner.request({ method: 'PUT', url: `${users}/${user.id}/admin` });
    expect(granted.json()).toMatchObject({ role: 'admin', isAdmin: true });
    // The right applies to Anna's very next request.
    expect((await anna.post(users, { username: 'x', firstName: 'X', lastName: 'Y' })).statusCode).toBe(201);
    // An admin's e-mail cannot be removed.
    const cleared = await owner.request({
      method: 'PATCH',
      url: `${users}/${user.id}`,
      payload: { email: '' },
    });
    expect(cleared.json().code).toBe('ADMIN_EMAIL_REQUIRED');

    const ownerId = (await owner.get('/api/v1/auth/session')).json().user.id;
    expect((await anna.request({ method: 'DELETE', url: `${users}/${ownerId}/admin` })).json().code).toBe(
      'OWNER_KEEPS_ADMIN_RIGHT',
    );
    expect((await owner.request({ method: 'DELETE', url: `${users}/${user.id}/admin` })).json().role).toBe(
      'member',
    );
    expect((await anna.post(users, { username: 'y', firstName: 'X', lastName: 'Y' })).statusCode).toBe(403);
    const events = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('targetId', '=', user.id)
      .execute();
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['user.created', 'user.admin_granted', 'user.admin_revoked']),
    );
  });

  it('reassigns a user to a new person: same number, new data, every secret rotated', async () => {
    const { client: old, user } = await signedInUser(t.app, owner, accountId, {
      username: 'alt',
      email: 'alt@jura.test',
    });
    const before = await t.db.selectFrom('accessKeys').selectAll().where('userId', '=', user.id).execute();
    const response = await owner.post(`${users}/${user.id}/reassign`, {
      username: 'Neu',
      firstName: 'Nora',
      lastName: 'Neu',
      email: 'nora@jura.test',
    });
    expect(response.statusCode).toBe(200);
    const { user: reassigned, credentials } = response.json();
    expect(reassigned).toMatchObject({
      id: user.id,
      userNumber: user.userNumber,
      username: 'Neu',
      email: 'nora@jura.test',
    });
    expect((await old.get('/api/v1/auth/session')).statusCode).toBe(401); // the old person is out
    const keys = await t.db.selectFrom('accessKeys').selectAll().where('userId', '=', user.id).execute();
    expect(keys.filter((key) => key.revokedAt === null)).toEqual([
      expect.objectContaining({ keyHash: hashToken(credentials.accessKey) }),
    ]);
    expect(keys.find((key) => key.id === before[0]?.id)?.revokedAt).not.toBeNull();
    const stored = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.passwordHash).toBeNull();
    expect((await lastEmailTo(t.app, 'nora@jura.test', 'reveal')).textBody).toContain(user.userNumber);
    const audit = await t.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'user.reassigned')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? '{}')).toEqual({
      userNumber: user.userNumber,
      from: 'alt',
      to: 'Neu',
    });
  });

  it('does not let admins delete or reassign themselves', async () => {
    const { client: anna, user } = await signedInUser(t.app, owner, accountId, {
      username: 'anna',
      email: 'anna@jura.test',
    });
    await owner.request({ method: 'PUT', url: `${users}/${user.id}/admin` });
    const deleted = await anna.request({ method: 'DELETE', url: `${users}/${user.id}` });
    expect(deleted.json().code).toBe('NOT_ON_YOURSELF');
    const reassigned = await anna.post(`${users}/${user.id}/reassign`, {
      username: 'x',
      firstName: 'X',
      lastName: 'Y',
      email: 'x@jura.test',
    });
    expect(reassigned.json().code).toBe('NOT_ON_YOURSELF');
  });

  it('rotates an access key: the new one is shown once, the old one is revoked at once', async () => {
    const { user, credentials } = (await create({ username: 'prog' })).json();
    const rotated = await owner.post(`${users}/${user.id}/access-keys`, { currentPassword: strongPassword });
    expect(rotated.statusCode).toBe(201);
    expect(rotated.json().accessKey).not.toBe(credentials.accessKey);
    const old = await t.db
      .selectFrom('accessKeys')
      .selectAll()
      .where('keyHash', '=', hashToken(credentials.accessKey))
      .executeTakeFirstOrThrow();
    expect(old.revokedAt).not.toBeNull();
  });

  it('issues an access key only after the admin’s own password (SECURITY.md 15)', async () => {
    const { user, credentials } = (await create({ username: 'prog' })).json();
    const url = `${users}/${user.id}/access-keys`;
    expect((await owner.post(url)).statusCode).toBe(400);
    const wrong = await owner.post(url, { currentPassword: 'not the password at all' });
    expect([wrong.statusCode, wrong.json().details]).toEqual([
      400,
      [expect.objectContaining({ field: 'currentPassword', code: 'CURRENT_PASSWORD_WRONG' })],
    ]);
    const keys = await t.db.selectFrom('accessKeys').selectAll().where('userId', '=', user.id).execute();
    expect(keys).toEqual([
      expect.objectContaining({ keyHash: hashToken(credentials.accessKey), revokedAt: null }),
    ]);
  });

  it('refuses duplicate user names in the account and e-mail addresses anywhere', async () => {
    await create({ username: 'Anna Alt', email: 'anna@jura.test' });
    const sameName = await create({ username: 'Anna Alt' });
    expect(sameName.json()).toMatchObject({ code: 'USERNAME_TAKEN', details: [{ field: 'username' }] });
    const sameEmail = await create({ username: 'Other', email: 'ANNA@jura.test' });
    expect(sameEmail.json()).toMatchObject({ code: 'EMAIL_TAKEN', details: [{ field: 'email' }] });
  });

  it('rejects role, status, numbers and account in bodies (mass assignment)', async () => {
    const response = await create({
      username: 'sneaky',
      role: 'owner',
      isAdmin: true,
      status: 'active',
      accountId: 'x',
      userNumber: '1',
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json()
      .details.map((detail: { field: string }) => detail.field)
      .sort();
    expect(fields).toEqual(['accountId', 'isAdmin', 'role', 'status', 'userNumber']);
  });
});
