// Issue 12.1 (P1–P3, P6): the desktop program's API with program credentials, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  registeredOwner,
  signedInOperator,
  signedInOwner,
  TestClient,
  tokenOf,
} from '../../../test/helpers/test-client.ts';

interface Credentials {
  customerNumber: string;
  userNumber: string;
  accessKey: string;
}

const bearer = (c: Credentials) => ({
  authorization: `Bearer ${c.customerNumber}.${c.userNumber}.${c.accessKey}`,
});
const basic = (c: Credentials) => ({
  authorization: `Basic ${Buffer.from(`${c.customerNumber}/${c.userNumber}:${c.accessKey}`).toString('base64')}`,
});
const v1 = '/api/program/v1';

describeEachDatabase('program API', (dialect) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedInOwner>>;
  let accountId: string;
  let ownerKey: Credentials;
  let program: TestClient;
  /** A user created by the owner online, with the credentials the answer shows once. */
  const createUser = async (username: string, extra: Record<string, unknown> = {}) => {
    const created = await owner.client.post(`/api/v1/accounts/${accountId}/users`, {
      username,
      firstName: 'Mia',
      lastName: username,
      ...extra,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { user, credentials } = created.json();
    return { id: user.id as string, credentials: credentials as Credentials };
  };
  const get = (url: string, headers: Record<string, string>) => program.get(url, headers);
  const post = (url: string, headers: Record<string, string>) => program.post(url, undefined, headers);

  beforeAll(async () => {
    t = await buildTestApp({ db: dialect, env: { DEFAULT_SEAT_LIMIT: '50' } });
    owner = await signedInOwner(t.app);
    accountId = await accountIdOf(owner.client);
    const revealed = await new TestClient(t.app).post('/api/v1/credentials/reveal', {
      token: owner.revealToken,
    });
    ownerKey = revealed.json();
    program = new TestClient(t.app);
  });
  afterAll(() => t.close());

  it('P1: Basic and Bearer both answer me, with user, account, permissions and no cookie', async () => {
    for (const headers of [basic(ownerKey), bearer(ownerKey)]) {
      const me = await get(`${v1}/me`, headers);
      expect(me.statusCode, me.body).toBe(200);
      expect(me.headers['set-cookie']).toBeUndefined();
      expect(me.json()).toMatchObject({
        userNumber: ownerKey.userNumber,
        username: 'Justus Jura',
        firstName: 'Justus',
        lastName: 'Jura',
        isAdmin: true,
        account: { customerNumber: ownerKey.customerNumber, companyName: 'Kanzlei Jura & Partner' },
        services: [],
      });
      expect(me.json().permissions).toContain('users.manage');
    }
    // The colon form of Basic works too.
    const colon = `${ownerKey.customerNumber}:${ownerKey.userNumber}:${ownerKey.accessKey}`;
    const me = await get(`${v1}/me`, { authorization: `Basic ${Buffer.from(colon).toString('base64')}` });
    expect(me.statusCode).toBe(200);
    expect(program.cookies.size).toBe(0);
  });

  it('one code for an unknown customer number, user number or key; none at all is 401 too', async () => {
    const other = ownerKey.customerNumber === '1000000-4' ? '2000000-9' : '1000000-4';
    const wrong = [
      { ...ownerKey, customerNumber: other },
      { ...ownerKey, userNumber: ownerKey.userNumber === '1234567' ? '7654321' : '1234567' },
      { ...ownerKey, accessKey: `${ownerKey.accessKey.slice(0, -2)}xx` },
    ];
    const answers = await Promise.all(wrong.map((c) => get(`${v1}/me`, bearer(c))));
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toEqual(answers[0]?.json());
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    expect(answers[0]?.json().code).toBe('PROGRAM_CREDENTIALS_INVALID');
    expect((await get(`${v1}/me`, {})).json().code).toBe('PROGRAM_CREDENTIALS_MISSING');
    expect((await get(`${v1}/me`, { authorization: 'Bearer nonsense' })).statusCode).toBe(401);
  });

  it('credentials in the query string are refused, even with a good header', async () => {
    const url = `${v1}/me?accessKey=${ownerKey.accessKey}`;
    for (const headers of [bearer(ownerKey), {}]) {
      const answer = await get(url, headers);
      expect(answer.statusCode).toBe(400);
      expect(answer.json().code).toBe('PROGRAM_CREDENTIALS_IN_QUERY');
    }
    expect((await get(`${v1}/changes?user_number=1&since=`, bearer(ownerKey))).statusCode).toBe(400);
  });

  it('a disabled user, a user without a user name and a suspended account have their own codes', async () => {
    const mia = await createUser('mia-disabled');
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', mia.id).execute();
    const disabled = await get(`${v1}/me`, bearer(mia.credentials));
    expect([disabled.statusCode, disabled.json().code]).toEqual([403, 'PROGRAM_USER_DISABLED']);

    // The schema never allows an empty user name online; a row written otherwise is still refused.
    const nameless = await createUser('nameless');
    await t.db.updateTable('users').set({ username: ' ' }).where('id', '=', nameless.id).execute();
    const missing = await get(`${v1}/me`, bearer(nameless.credentials));
    expect([missing.statusCode, missing.json().code]).toEqual([403, 'PROGRAM_USERNAME_MISSING']);
    expect(missing.json().message).toMatch(/Benutzernamen zuerst im Online-Konto/);

    const other = await registeredOwner(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro Eva' });
    const otherKey = (
      await new TestClient(t.app).post('/api/v1/credentials/reveal', { token: other.revealToken })
    ).json();
    expect((await get(`${v1}/me`, bearer(otherKey))).statusCode).toBe(200);
    const operator = (await signedInOperator(t.app)).client;
    const otherAccount = await t.db
      .selectFrom('accounts')
      .select('id')
      .where('customerNumber', '=', otherKey.customerNumber)
      .executeTakeFirstOrThrow();
    expect((await operator.post(`/api/v1/operator/accounts/${otherAccount.id}/suspend`)).statusCode).toBe(
      200,
    );
    const suspended = await get(`${v1}/me`, bearer(otherKey));
    expect([suspended.statusCode, suspended.json().code]).toEqual([403, 'PROGRAM_ACCOUNT_SUSPENDED']);
  });

  it("P2: users only with an admin's key; a fresh key kills the old one at once and is audited", async () => {
    const mia = await createUser('mia-list', { email: 'mia.list@jura.test' });
    const forbidden = await get(`${v1}/users`, bearer(mia.credentials));
    expect([forbidden.statusCode, forbidden.json().code]).toEqual([403, 'PROGRAM_ADMIN_REQUIRED']);
    expect(
      (await post(`${v1}/users/${mia.credentials.userNumber}/access-key`, bearer(mia.credentials)))
        .statusCode,
    ).toBe(403);

    const list = await get(`${v1}/users`, basic(ownerKey));
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual({
      userNumber: mia.credentials.userNumber,
      username: 'mia-list',
      title: null,
      firstName: 'Mia',
      lastName: 'mia-list',
      email: 'mia.list@jura.test',
      disabled: false,
      isAdmin: false,
    });

    const issued = await post(`${v1}/users/${mia.credentials.userNumber}/access-key`, bearer(ownerKey));
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ userNumber: mia.credentials.userNumber, username: 'mia-list' });
    const fresh = { ...mia.credentials, accessKey: issued.json().accessKey as string };
    expect(fresh.accessKey).not.toBe(mia.credentials.accessKey);
    const revoked = await get(`${v1}/me`, bearer(mia.credentials));
    expect([revoked.statusCode, revoked.json().code]).toEqual([401, 'PROGRAM_CREDENTIALS_INVALID']);
    expect((await get(`${v1}/me`, bearer(fresh))).statusCode).toBe(200);
    const audited = await t.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'program.access_key_issued')
      .where('targetId', '=', mia.id)
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]?.actorId).toBe(
      (
        await t.db
          .selectFrom('users')
          .select('id')
          .where('userNumber', '=', ownerKey.userNumber)
          .executeTakeFirst()
      )?.id,
    );

    // Another account's user number is not found from here.
    const other = await signedInOwner(t.app, { email: 'bea@andere.test', companyName: 'Andere GmbH' });
    const foreign = await post(`${v1}/users/${other.userNumber}/access-key`, bearer(ownerKey));
    expect(foreign.statusCode).toBe(404);
  });

  it('P3: created, changed, reassigned and deleted users arrive in order after the cursor', async () => {
    const start = (await get(`${v1}/changes`, bearer(ownerKey))).json();
    expect(start.items[0]).toMatchObject({ kind: 'created', userNumber: ownerKey.userNumber });
    let cursor = start.next as string;
    while ((await get(`${v1}/changes?since=${cursor}`, bearer(ownerKey))).json().more) {
      cursor = (await get(`${v1}/changes?since=${cursor}`, bearer(ownerKey))).json().next;
    }
    cursor = (await get(`${v1}/changes?since=${cursor}`, bearer(ownerKey))).json().next;

    const lea = await createUser('lea');
    const ben = await createUser('ben');
    const users = `/api/v1/accounts/${accountId}/users`;
    expect(
      (
        await owner.client.request({
          method: 'PATCH',
          url: `${users}/${lea.id}`,
          payload: { firstName: 'Lea' },
        })
      ).statusCode,
    ).toBe(200);
    const reassigned = await owner.client.post(`${users}/${ben.id}/reassign`, {
      username: 'ben-neu',
      firstName: 'Benno',
      lastName: 'Neu',
    });
    expect(reassigned.statusCode, reassigned.body).toBe(200);
    expect((await owner.client.delete(`${users}/${lea.id}`)).statusCode).toBe(204);

    const page = await get(`${v1}/changes?since=${cursor}`, bearer(ownerKey));
    expect(page.statusCode).toBe(200);
    const items = page.json().items as {
      kind: string;
      userNumber: string;
      user: { username: string } | null;
    }[];
    expect(items.map((item) => [item.kind, item.userNumber])).toEqual([
      ['created', lea.credentials.userNumber],
      ['created', ben.credentials.userNumber],
      ['changed', lea.credentials.userNumber],
      ['reassigned', ben.credentials.userNumber],
      ['deleted', lea.credentials.userNumber],
    ]);
    expect(items[3]?.user?.username).toBe('ben-neu');
    expect(items[4]?.user).toBeNull();
    expect(page.json().more).toBe(false);
    const after = await get(`${v1}/changes?since=${page.json().next}`, bearer(ownerKey));
    expect(after.json()).toEqual({ items: [], next: page.json().next, more: false });

    for (const bad of ['nonsense', 'Yy', encodeURIComponent(Buffer.from('c-1').toString('base64url'))]) {
      const refused = await get(`${v1}/changes?since=${bad}`, bearer(ownerKey));
      expect([refused.statusCode, refused.json().code]).toEqual([400, 'PROGRAM_CURSOR_INVALID']);
    }
  });

  it('P3: pages of at most 500 with next and more', async () => {
    let cursor = '';
    for (;;) {
      const page = (await get(`${v1}/changes?since=${cursor}`, bearer(ownerKey))).json();
      cursor = page.next;
      if (!page.more) break;
    }
    const at = t.clock.now().toISOString();
    const rows = Array.from({ length: 620 }, (_, index) => ({
      accountId,
      userId: `bulk-${index}`,
      userNumber: String(1000000 + index),
      kind: 'changed' as const,
      at,
    }));
    for (let index = 0; index < rows.length; index += 100) {
      await t.db
        .insertInto('userChanges')
        .values(rows.slice(index, index + 100))
        .execute();
    }
    const first = (await get(`${v1}/changes?since=${cursor}`, bearer(ownerKey))).json();
    expect([first.items.length, first.more]).toEqual([500, true]);
    const second = (await get(`${v1}/changes?since=${first.next}`, bearer(ownerKey))).json();
    expect([second.items.length, second.more]).toEqual([120, false]);
    const numbers = [...first.items, ...second.items].map((item: { userNumber: string }) => item.userNumber);
    expect(numbers).toEqual(rows.map((row) => row.userNumber));
  });

  it('P3: a reader between two concurrent transactions never skips the slower one', async () => {
    const repository = t.app.kontor.services.users.repository;
    let cursor = '';
    for (;;) {
      const page = (await get(`${v1}/changes?since=${cursor}`, bearer(ownerKey))).json();
      cursor = page.next;
      if (!page.more) break;
    }
    const change = (userId: string) => ({
      accountId,
      userId,
      userNumber: userId === 'slow' ? '1111111' : '2222222',
      kind: 'changed' as const,
      at: t.clock.now().toISOString(),
    });
    const seen: string[] = [];
    const read = async () => {
      const page = (await get(`${v1}/changes?since=${cursor}`, bearer(ownerKey))).json();
      seen.push(...page.items.map((item: { userNumber: string }) => item.userNumber));
      cursor = page.next;
    };
    if (dialect === 'sqlite') {
      // SQLite writes one transaction at a time: the second change gets the later id.
      await t.db.transaction().execute((trx) => repository.recordChange(trx, change('slow')));
      await t.db.transaction().execute((trx) => repository.recordChange(trx, change('fast')));
      await read();
      expect(seen).toEqual(['1111111', '2222222']);
      return;
    }
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let slowInserted: () => void = () => {};
    const inserted = new Promise<void>((resolve) => {
      slowInserted = resolve;
    });
    const slow = t.db.transaction().execute(async (trx) => {
      await repository.recordChange(trx, change('slow'));
      slowInserted();
      await held; // the slow transaction stays open while the fast one tries to commit
    });
    await inserted;
    let fastDone = false;
    const fast = t.db
      .transaction()
      .execute((trx) => repository.recordChange(trx, change('fast')))
      .then(() => {
        fastDone = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await read(); // between them: neither may be seen yet, or the cursor would pass the slow one
    expect(fastDone).toBe(false);
    expect(seen).toEqual([]);
    release();
    await Promise.all([slow, fast]);
    await read();
    expect(seen).toEqual(['1111111', '2222222']);
  });

  describe('P6: portal link', () => {
    const open = (client: TestClient, url: string) =>
      client.post('/api/v1/auth/portal-link', { token: tokenOf(url) });

    it('opens the online account once, signed in; never again, and not after 60 seconds', async () => {
      const issued = await post(`${v1}/portal-link`, bearer(ownerKey));
      expect(issued.statusCode, issued.body).toBe(200);
      expect(issued.json().url).toMatch(/^http:\/\/kontor\.test\/portal-link#token=/);
      const browser = new TestClient(t.app);
      const opened = await open(browser, issued.json().url);
      expect(opened.statusCode, opened.body).toBe(200);
      expect(opened.json().account.customerNumber).toBe(ownerKey.customerNumber);
      const session = await browser.get('/api/v1/auth/session');
      expect([session.statusCode, session.json().user.userNumber]).toEqual([200, ownerKey.userNumber]);

      const again = await open(new TestClient(t.app), issued.json().url);
      expect([again.statusCode, again.json().code]).toEqual([410, 'LINK_USED']);
      expect((await open(browser, issued.json().url)).statusCode).toBe(410);

      const late = await post(`${v1}/portal-link`, bearer(ownerKey));
      t.clock.advance(61_000);
      const expired = await open(new TestClient(t.app), late.json().url);
      expect([expired.statusCode, expired.json().code]).toEqual([410, 'LINK_EXPIRED']);

      const actions = await t.db
        .selectFrom('auditEvents')
        .select('action')
        .where('action', 'like', 'program.portal_link_%')
        .execute();
      expect(actions.map((row) => row.action).sort()).toEqual([
        'program.portal_link_issued',
        'program.portal_link_issued',
        'program.portal_link_used',
      ]);
    });

    it('only for users who may manage users', async () => {
      const mia = await createUser('mia-portal');
      const refused = await post(`${v1}/portal-link`, bearer(mia.credentials));
      expect([refused.statusCode, refused.json().code]).toEqual([403, 'PROGRAM_USERS_MANAGE_REQUIRED']);
      const granted = await owner.client.put(`/api/v1/accounts/${accountId}/users/${mia.id}/permissions`, {
        permissions: ['users.manage'],
      });
      expect(granted.statusCode).toBe(200);
      const issued = await post(`${v1}/portal-link`, bearer(mia.credentials));
      expect(issued.statusCode).toBe(200);
      expect((await open(new TestClient(t.app), issued.json().url)).statusCode).toBe(200);
    });
  });
});

describeEachDatabase('program API rate limit', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ db: dialect, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('failed attempts per address are limited for a minute', async () => {
    const client = new TestClient(t.app);
    const wrong = { authorization: 'Bearer 1000000-4.1234567.not-a-key' };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await client.get(`${v1}/me`, wrong)).statusCode).toBe(401);
    }
    const limited = await client.get(`${v1}/me`, wrong);
    expect([limited.statusCode, limited.json().code]).toEqual([429, 'RATE_LIMITED']);
    t.clock.advance(61_000);
    expect((await client.get(`${v1}/me`, wrong)).statusCode).toBe(401);
  });
});
