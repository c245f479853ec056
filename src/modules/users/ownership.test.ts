// U5: exactly one owner; ownership moves only from the owner, with their password, to an admin.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  companyOwner,
  signedInOwner,
  signedInUser,
  strongPassword,
  type TestClient,
} from '../../../test/helpers/test-client.ts';

describeEachDatabase('transferring ownership', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let ownerId: string;
  let anna: { client: TestClient; user: { id: string } };
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    ownerId = (await owner.get('/api/v1/auth/session')).json().user.id;
    anna = await signedInUser(t.app, owner, accountId, { username: 'anna', email: 'anna@jura.test' });
    await owner.request({ method: 'PUT', url: `/api/v1/accounts/${accountId}/users/${anna.user.id}/admin` });
  });
  afterEach(() => t.close());

  const transfer = (client: TestClient, userId: string, currentPassword: string) =>
    client.request({
      method: 'PUT',
      url: `/api/v1/accounts/${accountId}/owner`,
      payload: { userId, currentPassword },
    });
  const roles = async () =>
    Object.fromEntries(
      (
        await t.db
          .selectFrom('memberships')
          .select(['userId', 'role'])
          .where('accountId', '=', accountId)
          .execute()
      ).map((row) => [row.userId, row.role]),
    );

  it('hands ownership to an admin; the old owner stays admin; the next request knows it', async () => {
    expect((await transfer(owner, anna.user.id, companyOwner.password)).statusCode).toBe(204);
    expect(await roles()).toMatchObject({ [ownerId]: 'admin', [anna.user.id]: 'owner' });
    expect((await owner.get('/api/v1/auth/session')).json().account.role).toBe('admin');
    expect((await anna.client.get('/api/v1/auth/session')).json().account.role).toBe('owner');
    const event = await t.db
      .selectFrom('auditEvents')
      .select(['actorId', 'targetId'])
      .where('action', '=', 'account.ownership_transferred')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actorId: ownerId, targetId: anna.user.id });
    const notice = await t.db
      .selectFrom('outboxEmails')
      .select('textBody')
      .where('toAddress', '=', 'anna@jura.test')
      .where('subject', '=', 'Sie sind jetzt Inhaber des Kontos von Kanzlei Jura & Partner')
      .executeTakeFirstOrThrow();
    expect(notice.textBody).toContain('Justus');
    // Now only Anna can move it on, and the former owner is an admin like any other.
    expect((await transfer(owner, ownerId, companyOwner.password)).json().code).toBe('ONLY_OWNER_TRANSFERS');
  });

  it('needs the owner’s password, and nobody but the owner may do it', async () => {
    const wrong = await transfer(owner, anna.user.id, 'not my password at all');
    expect([wrong.statusCode, wrong.json().code]).toEqual([400, 'CURRENT_PASSWORD_WRONG']);
    const byAdmin = await transfer(anna.client, anna.user.id, strongPassword);
    expect([byAdmin.statusCode, byAdmin.json().code]).toEqual([403, 'ONLY_OWNER_TRANSFERS']);
    expect(await roles()).toMatchObject({ [ownerId]: 'owner', [anna.user.id]: 'admin' });
  });

  it('only to an admin of the same account', async () => {
    const mia = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    const toMember = await transfer(owner, mia.user.id, companyOwner.password);
    expect([toMember.statusCode, toMember.json().code]).toEqual([409, 'NEW_OWNER_MUST_BE_ADMIN']);
    const other = await signedInOwner(t.app, { email: 'eva@firma.test', companyName: 'Firma Eva' });
    const otherId = (await other.client.get('/api/v1/auth/session')).json().user.id;
    expect((await transfer(owner, otherId, companyOwner.password)).statusCode).toBe(404);
    expect(
      (
        await other.client.request({
          method: 'PUT',
          url: `/api/v1/accounts/${accountId}/owner`,
          payload: { userId: otherId, currentPassword: companyOwner.password },
        })
      ).statusCode,
    ).toBe(404);
    expect(await roles()).toMatchObject({ [ownerId]: 'owner' });
  });
});
