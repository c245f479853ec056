// Issue 6.11 "sessions: last active never moves for stay-signed-in sessions".
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { registeredOwner, strongPassword, TestClient } from '../../../test/helpers/test-client.ts';
import { days, minutes } from '../../shared/clock.ts';

describeEachDatabase('session activity', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
  });
  afterEach(() => t.close());

  const signIn = async (staySignedIn: boolean) => {
    const owner = await registeredOwner(t.app);
    const client = new TestClient(t.app);
    await client.post('/api/v1/auth/sign-in', { email: owner.email, password: strongPassword, staySignedIn });
    return client;
  };
  const stored = () => t.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();

  it('sessions: "last active" moves for stay-signed-in sessions too, with at most one write a minute', async () => {
    const client = await signIn(true);
    const started = await stored();
    t.clock.advance(days(2));
    await client.get('/api/v1/auth/session');
    const active = t.clock.now().toISOString();
    expect((await client.get('/api/v1/auth/sessions')).json().items[0].lastSeenAt).toBe(active);
    // Still only the absolute expiry: 30 days from the sign-in, not from now.
    expect(await stored()).toMatchObject({ lastSeenAt: active, idleExpiresAt: started.absoluteExpiresAt });
    t.clock.advance(30_000);
    await client.get('/api/v1/auth/session');
    expect((await stored()).lastSeenAt).toBe(active); // within the minute: no write
  });

  it('slides the idle expiry of ordinary sessions, never past the absolute one', async () => {
    const client = await signIn(false);
    t.clock.advance(minutes(20));
    await client.get('/api/v1/auth/session');
    const now = t.clock.now().getTime();
    const session = await stored();
    expect(Date.parse(session.idleExpiresAt) - now).toBe(minutes(30));
    expect(session.lastSeenAt).toBe(t.clock.now().toISOString());
  });
});
