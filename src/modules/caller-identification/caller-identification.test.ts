// S6: an operator identifies a caller by PIN or security answer (match or no match, never the values),
// 5 wrong tries per user then a 15-minute wait, audited; the user changes both with their password.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  lastEmailTo,
  signedInOperator,
  signedInOwner,
  strongPassword,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { minutes } from '../../shared/clock.ts';

describeEachDatabase('caller identification', (dialect) => {
  let t: TestApp;
  let operator: TestClient;
  let user: TestClient;
  let numbers: { customerNumber: string; userNumber: string };
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    operator = (await signedInOperator(t.app)).client;
    const account = (
      await operator.post('/api/v1/operator/accounts', {
        name: 'Kanzlei Adler',
        seatLimit: 3,
        locale: 'de',
        timezone: 'Europe/Berlin',
        mainUser: { firstName: 'Anna', lastName: 'Adler', email: 'anna@adler.test' },
      })
    ).json();
    const token = (await lastEmailTo(t.app, 'anna@adler.test', 'activate')).link('activate');
    user = new TestClient(t.app);
    const activated = await user.post('/api/v1/activation/complete', {
      token,
      password: strongPassword,
      pin: '470192',
      securityQuestion: 'firstPet',
      securityAnswer: 'Rex der Große',
    });
    expect(activated.statusCode).toBe(200);
    numbers = { customerNumber: account.customerNumber, userNumber: activated.json().user.userNumber };
  });
  afterEach(() => t.close());

  const identify = (method: 'pin' | 'answer', value: string, client = operator) =>
    client.post('/api/v1/operator/identify-caller', { ...numbers, method, value });

  it('names the user and the question to ask, and says match or no match without showing either', async () => {
    const lookup = await operator.post('/api/v1/operator/identify-caller/lookup', numbers);
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toMatchObject({
      user: { firstName: 'Anna', lastName: 'Adler' },
      account: { name: 'Kanzlei Adler' },
      hasPin: true,
      securityQuestion: 'firstPet',
      waitUntil: null,
    });
    expect(lookup.body).not.toMatch(/470192|Rex|argon2/);

    const pin = await identify('pin', '470192');
    expect(pin.json()).toEqual({ match: true, triesLeft: 5, waitUntil: null });
    // The answer as the caller says it: case, spaces and Unicode forms do not matter.
    expect((await identify('answer', '  REX   DER GROSSE ')).json().match).toBe(true);
    const wrong = await identify('pin', '583027');
    expect(wrong.json()).toEqual({ match: false, triesLeft: 4, waitUntil: null });
    expect(wrong.body).not.toContain('470192');

    const events = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'details'])
      .where('action', 'like', 'user.caller_%')
      .orderBy('createdAt')
      .execute();
    expect(events.map((event) => event.action)).toEqual([
      'user.caller_identified',
      'user.caller_identified',
      'user.caller_not_identified',
    ]);
    expect(events.map((event) => event.details).join()).not.toMatch(/470192|583027|rex/i);
  });

  it('allows 5 wrong tries per user, then waits 15 minutes, even for the right PIN; a match resets the count', async () => {
    expect((await identify('pin', '111111')).json().triesLeft).toBe(4);
    expect((await identify('pin', '470192')).json()).toMatchObject({ match: true, triesLeft: 5 });
    const tries = [];
    for (let index = 0; index < 5; index++) tries.push((await identify('answer', `wrong ${index}`)).json());
    expect(tries.map((attempt) => attempt.triesLeft)).toEqual([4, 3, 2, 1, 0]);
    expect(tries[4].waitUntil).not.toBeNull();
    const locked = await identify('pin', '470192');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('IDENTIFICATION_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    expect(
      (await operator.post('/api/v1/operator/identify-caller/lookup', numbers)).json().waitUntil,
    ).not.toBeNull();
    t.clock.advance(minutes(15));
    expect((await identify('pin', '470192')).json()).toMatchObject({ match: true, triesLeft: 5 });
  });

  it('counts parallel guesses: no more than 5 are compared', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => identify('pin', `58302${index % 10}`)),
    );
    const compared = answers.filter((answer) => answer.statusCode === 200);
    expect(compared.length).toBeLessThanOrEqual(5);
    expect(answers.every((answer) => [200, 429].includes(answer.statusCode))).toBe(true);
  });

  it('refuses customers and anybody signed out; names unknown numbers and mistyped customer numbers', async () => {
    expect((await identify('pin', '470192', user)).statusCode).toBe(401);
    expect((await identify('pin', '470192', new TestClient(t.app))).statusCode).toBe(401);
    const owner = (await signedInOwner(t.app)).client;
    expect((await identify('pin', '470192', owner)).statusCode).toBe(401);
    const unknown = await operator.post('/api/v1/operator/identify-caller', {
      ...numbers,
      userNumber: '0000000',
      method: 'pin',
      value: '1',
    });
    expect(unknown.json().code).toBe('CALLER_NOT_FOUND');
    const typo = await operator.post('/api/v1/operator/identify-caller/lookup', {
      ...numbers,
      customerNumber: '1234567-0',
    });
    expect(typo.statusCode).toBe(400);
  });

  it('says a user without PIN or question cannot be identified that way', async () => {
    const owner = await signedInOwner(t.app);
    const answer = await operator.post('/api/v1/operator/identify-caller', {
      customerNumber: owner.customerNumber,
      userNumber: owner.userNumber,
      method: 'pin',
      value: '470192',
    });
    expect(answer.json().code).toBe('CALLER_NOT_IDENTIFIABLE');
  });

  it('lets the user change PIN and question on the profile with the current password', async () => {
    const change = (body: object) =>
      user.request({ method: 'PUT', url: '/api/v1/me/identification', payload: body });
    const wrongPassword = await change({ currentPassword: 'not my password at all', pin: '583027' });
    expect(wrongPassword.json().details).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    const badPin = await change({ currentPassword: strongPassword, pin: '987654' });
    expect(badPin.json().details).toEqual([expect.objectContaining({ field: 'pin', code: 'PIN_SEQUENCE' })]);
    expect((await change({ currentPassword: strongPassword })).json().code).toBe(
      'IDENTIFICATION_NOTHING_TO_CHANGE',
    );

    expect(
      (
        await change({
          currentPassword: strongPassword,
          pin: '583027',
          security: { question: 'firstCar', answer: 'Käfer' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await identify('pin', '470192')).json().match).toBe(false);
    expect((await identify('pin', '583027')).json().match).toBe(true);
    expect((await identify('answer', 'KÄFER')).json().match).toBe(true);
    expect(
      (await operator.post('/api/v1/operator/identify-caller/lookup', numbers)).json().securityQuestion,
    ).toBe('firstCar');
    expect((await change({ currentPassword: strongPassword, pin: '294817' })).statusCode).toBe(204);
    expect(
      (
        await new TestClient(t.app).request({
          method: 'PUT',
          url: '/api/v1/me/identification',
          payload: { currentPassword: strongPassword, pin: '294817' },
        })
      ).statusCode,
    ).toBe(401);
  });
});
