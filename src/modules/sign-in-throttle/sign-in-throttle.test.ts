// S7 and issue 6.4 "a locked-out user is told the right password is wrong": failures are counted per sign-in
// identifier, known or not, and a waiting identifier is told how long, alike for known and unknown ones.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  lastEmailTo,
  registeredOwner,
  signedInOperator,
  strongPassword,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { hours, minutes } from '../../shared/clock.ts';
import { generateCustomerNumber } from '../../shared/numbers.ts';
import { identifierKey } from './index.ts';

describeEachDatabase('sign-in throttle', (dialect) => {
  let t: TestApp;
  let client: TestClient;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    client = new TestClient(t.app, { language: 'en' });
  });
  afterEach(() => t.close());

  const signIn = (body: Record<string, unknown>) => client.post('/api/v1/auth/sign-in', body);
  const counters = (identifier: Parameters<typeof identifierKey>[1], kind: 'user' | 'operator' = 'user') =>
    t.db
      .selectFrom('signInThrottles')
      .selectAll()
      .where('identifierHash', '=', identifierKey(kind, identifier))
      .executeTakeFirst();
  /** What a caller can compare: status, body and Retry-After. */
  const answer = (response: Awaited<ReturnType<typeof signIn>>) => ({
    status: response.statusCode,
    body: response.json(),
    retryAfter: response.headers['retry-after'],
  });

  it('a locked-out user is told the right password is wrong: no; known and unknown identifiers are told to wait alike', async () => {
    const owner = await registeredOwner(t.app);
    const fail = (email: string) => signIn({ email, password: 'not the password' });
    for (let i = 0; i < 10; i += 1) {
      expect((await fail('justus@jura.test')).statusCode).toBe(401);
      expect((await fail('nobody@jura.test')).statusCode).toBe(401);
    }
    // The 10th failure started a 1-minute wait: the right password is not called wrong, it is told to wait.
    const known = await signIn({ email: 'justus@jura.test', password: strongPassword });
    const unknown = await signIn({ email: 'nobody@jura.test', password: strongPassword });
    expect(answer(known)).toEqual({
      status: 429,
      body: {
        code: 'SIGN_IN_LOCKED',
        message:
          'Too many failed sign-in attempts. For your security, signing in with this identifier is paused for 1 min. Please try again then.',
      },
      retryAfter: '60',
    });
    expect(answer(unknown)).toEqual(answer(known));
    // By customer number and user number, counted on their own, known or not.
    const byNumbers = { customerNumber: owner.customerNumber, userNumber: owner.userNumber };
    const madeUp = { customerNumber: generateCustomerNumber(), userNumber: '7654321' };
    for (let i = 0; i < 10; i += 1) {
      await signIn({ ...byNumbers, password: 'wrong' });
      await signIn({ ...madeUp, password: 'wrong' });
    }
    expect(answer(await signIn({ ...byNumbers, password: strongPassword }))).toEqual(
      answer(await signIn({ ...madeUp, password: strongPassword })),
    );
    t.clock.advance(minutes(1));
    expect((await signIn({ email: 'justus@jura.test', password: strongPassword })).statusCode).toBe(200);
    expect(await counters({ email: 'justus@jura.test' })).toBeUndefined(); // a success starts counting again
  });

  it('waits 1 minute more per failure, at most 15, and forgets failures after 12 hours', async () => {
    await registeredOwner(t.app);
    const wrong = () => signIn({ email: 'justus@jura.test', password: 'not the password' });
    for (let i = 0; i < 10; i += 1) await wrong();
    t.clock.advance(minutes(1));
    expect((await wrong()).statusCode).toBe(401); // 11th failure: 2 minutes
    const waiting = await signIn({ email: 'justus@jura.test', password: strongPassword });
    expect(waiting.headers['retry-after']).toBe('120');
    expect(waiting.json().message).toContain('2 min');
    await t.db.updateTable('signInThrottles').set({ failedSignIns: 40, lockedUntil: null }).execute();
    await wrong();
    const capped = await counters({ email: 'justus@jura.test' });
    expect(Date.parse(capped?.lockedUntil ?? '') - t.clock.now().getTime()).toBe(minutes(15));
    t.clock.advance(hours(12));
    expect((await wrong()).statusCode).toBe(401);
    expect(await counters({ email: 'justus@jura.test' })).toMatchObject({
      failedSignIns: 1,
      lockedUntil: null,
    });
  });

  it('does not let 200 parallel guesses check more than 10 passwords, known identifier or not', async () => {
    await registeredOwner(t.app);
    for (const email of ['justus@jura.test', 'nobody@jura.test']) {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => signIn({ email, password: `guess number ${i}` })),
      );
      expect(answers.filter((response) => response.statusCode === 401)).toHaveLength(10);
      expect(answers.filter((response) => response.statusCode === 429)).toHaveLength(190);
      expect(await counters({ email })).toMatchObject({ failedSignIns: 10 });
    }
  });

  it('starts counting again when the password is set anew with a reset link', async () => {
    await registeredOwner(t.app);
    for (let i = 0; i < 10; i += 1) await signIn({ email: 'justus@jura.test', password: 'wrong' });
    await client.post('/api/v1/auth/password-reset', { email: 'justus@jura.test' });
    const token = (await lastEmailTo(t.app, 'justus@jura.test', 'reset-password')).link('reset-password');
    const newPassword = 'a brand new password for justus';
    await client.post('/api/v1/auth/password-reset/complete', { token, password: newPassword });
    expect((await signIn({ email: 'justus@jura.test', password: newPassword })).statusCode).toBe(200);
  });

  it('counts an operator’s failures per address too', async () => {
    const { email } = await signedInOperator(t.app);
    const operator = new TestClient(t.app, { language: 'de' });
    for (let i = 0; i < 10; i += 1) {
      await operator.post('/api/v1/operator/sign-in', { email, password: 'wrong password' });
    }
    const waiting = await operator.post('/api/v1/operator/sign-in', { email, password: strongPassword });
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().message).toContain('1 Min.');
    expect(await counters({ email }, 'operator')).toMatchObject({ failedSignIns: 10 });
  });

  it('forgets identifiers nobody has tried for 12 hours', async () => {
    await signIn({ email: 'once@jura.test', password: 'wrong' });
    expect(await counters({ email: 'once@jura.test' })).toMatchObject({ failedSignIns: 1 });
    t.clock.advance(hours(13));
    await signIn({ email: 'later@jura.test', password: 'wrong' });
    expect(await counters({ email: 'once@jura.test' })).toBeUndefined();
    expect(await counters({ email: 'later@jura.test' })).toMatchObject({ failedSignIns: 1 });
  });
});
