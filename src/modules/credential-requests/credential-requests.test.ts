// Issue 11.6: anyone asks for an account's access data by form or e-mail; the form answers the same for
// every number; an operator's one click sends fresh single-use reveal links to the account's admins only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  registeredOwner,
  signedInOperator,
  signedInUser,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { generateCustomerNumber } from '../../shared/numbers.ts';
import { hashToken } from '../../shared/tokens.ts';
import { credentialRequestIn } from './index.ts';

const publicUrl = '/api/v1/credential-requests';
const operatorUrl = '/api/v1/operator/credential-requests';

describeEachDatabase('credential requests', (dialect) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof registeredOwner>>;
  let accountId: string;
  let operator: TestClient;
  let visitor: TestClient;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = await registeredOwner(t.app);
    await owner.client.post('/api/v1/auth/sign-in', { email: owner.email, password: owner.password });
    accountId = await accountIdOf(owner.client);
    operator = (await signedInOperator(t.app)).client;
    visitor = new TestClient(t.app, { language: 'en' });
  });
  afterEach(() => t.close());

  const ask = (body: Record<string, unknown> = {}, client = visitor) =>
    client.post(publicUrl, {
      customerNumber: owner.customerNumber,
      name: 'Fritz Fremd',
      email: 'Fritz@Stranger.test',
      ...body,
    });
  const rows = () => t.db.selectFrom('credentialRequests').selectAll().execute();
  const auditOf = (action: string) =>
    t.db.selectFrom('auditEvents').selectAll().where('action', '=', action).execute();
  const openRequests = async () => (await operator.get(operatorUrl)).json().items as { id: string }[];

  it('files one request for a valid number, audited in the account; nothing reaches the requester', async () => {
    const response = await ask({ message: 'Ich habe die Zugangsdaten verlegt.' });
    expect(response.statusCode, response.body).toBe(202);
    expect(await rows()).toMatchObject([
      {
        accountId,
        requesterName: 'Fritz Fremd',
        requesterEmail: 'fritz@stranger.test',
        message: 'Ich habe die Zugangsdaten verlegt.',
        via: 'web',
        state: 'open',
        messageId: null,
      },
    ]);
    const [event] = await auditOf('credential_request.received');
    expect(event).toMatchObject({ accountId, actorType: 'system', actorId: null });
    const mails = await t.db.selectFrom('outboxEmails').select('toAddress').execute();
    expect(mails.map((mail) => mail.toAddress)).not.toContain('fritz@stranger.test');
  });

  it('answers unknown and suspended numbers byte for byte the same, and files nothing', async () => {
    const valid = await ask();
    let unknown = generateCustomerNumber();
    while (unknown === owner.customerNumber) unknown = generateCustomerNumber();
    const forUnknown = await ask({ customerNumber: unknown, email: 'other@stranger.test' });
    await operator.post(`/api/v1/operator/accounts/${accountId}/suspend`);
    const forSuspended = await ask({ email: 'third@stranger.test' });
    for (const response of [forUnknown, forSuspended]) {
      expect(response.statusCode).toBe(valid.statusCode);
      expect(response.body).toBe(valid.body);
      expect(response.headers['content-type']).toBe(valid.headers['content-type']);
    }
    expect((await rows()).map((row) => row.requesterEmail)).toEqual(['fritz@stranger.test']);
  });

  it('adds no row while the same address already waits in the account', async () => {
    expect((await ask()).statusCode).toBe(202);
    const again = await ask({
      email: 'fritz@stranger.test',
      customerNumber: owner.customerNumber.replace('-', ''),
    });
    expect(again.statusCode).toBe(202);
    expect(await rows()).toHaveLength(1);
    expect((await ask({ email: 'someone@else.test' })).statusCode).toBe(202);
    expect(await rows()).toHaveLength(2);
  });

  it('refuses a bad customer number, e-mail or a name with a line break, naming the field', async () => {
    const badFormat = await ask({ customerNumber: '12-345678' });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().details).toMatchObject([{ field: 'customerNumber', code: 'pattern' }]);
    const [digits, check] = owner.customerNumber.split('-');
    const typo = await ask({ customerNumber: `${digits}-${(Number(check) + 1) % 10}` });
    expect(typo.statusCode).toBe(400);
    expect(typo.json()).toMatchObject({
      code: 'CUSTOMER_NUMBER_INVALID',
      message: expect.stringContaining('customer number'),
      details: [{ field: 'customerNumber', code: 'CUSTOMER_NUMBER_INVALID' }],
    });
    const badEmail = await ask({ email: 'not an address' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().details).toMatchObject([{ field: 'email', code: 'email' }]);
    const german = new TestClient(t.app, { language: 'de' });
    const crlf = await ask({ name: 'Fritz\r\nBcc: all@evil.test' }, german);
    expect(crlf.statusCode).toBe(400);
    expect(crlf.json().details).toMatchObject([{ field: 'name', code: 'pattern' }]);
    expect(crlf.json().message).toMatch(/[äöüß]|Eingabe|ungültig/i);
    expect(await rows()).toHaveLength(0);
  });

  describe('the operator’s one click', () => {
    let anna: { id: string };
    let oldKey: string;
    beforeEach(async () => {
      // The owner (German) has seen their key once; Anna (English) is an admin; Mia a plain member.
      oldKey = (await visitor.post('/api/v1/credentials/reveal', { token: owner.revealToken })).json()
        .accessKey;
      anna = (
        await signedInUser(t.app, owner.client, accountId, {
          username: 'anna',
          email: 'anna@jura.test',
          firstName: 'Anna',
          lastName: 'Admin',
        })
      ).user;
      const english = await owner.client.request({
        method: 'PATCH',
        url: `/api/v1/accounts/${accountId}/users/${anna.id}`,
        payload: { locale: 'en' },
      });
      expect(english.statusCode, english.body).toBe(200);
      const granted = await owner.client.put(`/api/v1/accounts/${accountId}/users/${anna.id}/admin`);
      expect(granted.statusCode, granted.body).toBe(200);
      await signedInUser(t.app, owner.client, accountId, { username: 'mia', email: 'mia@jura.test' });
      expect((await ask()).statusCode).toBe(202);
    });

    const credentialMails = () =>
      t.db
        .selectFrom('outboxEmails')
        .selectAll()
        .where('textBody', 'like', '%fritz fremd%')
        .orderBy('toAddress')
        .execute();

    it('reaches exactly the admins in their languages; each link opens once with their own credentials', async () => {
      const [request] = await openRequests();
      expect(request).toMatchObject({ requesterIsAdmin: false, via: 'web', companyName: owner.companyName });
      const sent = await operator.post(`${operatorUrl}/${request?.id}/send`);
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json()).toMatchObject({ adminsReached: 2, request: { state: 'sent' } });

      const mails = (await t.db.selectFrom('outboxEmails').selectAll().execute()).filter((mail) =>
        mail.textBody.includes('Fritz Fremd'),
      );
      expect(mails.map((mail) => [mail.toAddress, mail.locale]).sort()).toEqual([
        ['anna@jura.test', 'en'],
        ['justus@jura.test', 'de'],
      ]);
      expect(mails.find((mail) => mail.locale === 'de')?.subject).toContain('Zugangsdaten');
      expect(mails.find((mail) => mail.locale === 'en')?.subject).toContain('Access data');

      for (const [address, username] of [
        ['justus@jura.test', owner.username],
        ['anna@jura.test', 'anna'],
      ] as const) {
        const mail = mails.find((candidate) => candidate.toAddress === address);
        const token = mail?.textBody.match(/\/reveal#token=([\w-]+)/)?.[1];
        const revealed = await visitor.post('/api/v1/credentials/reveal', { token });
        expect(revealed.statusCode, revealed.body).toBe(200);
        expect(revealed.json()).toMatchObject({ customerNumber: owner.customerNumber, username });
        expect((await visitor.post('/api/v1/credentials/reveal', { token })).statusCode).toBe(410);
      }
      // The owner's key from before is revoked: only the newly revealed one is live.
      const ownerId = (
        await t.db.selectFrom('users').select('id').where('email', '=', owner.email).executeTakeFirstOrThrow()
      ).id;
      const live = await t.db
        .selectFrom('accessKeys')
        .select('keyHash')
        .where('userId', '=', ownerId)
        .where('revokedAt', 'is', null)
        .execute();
      expect(live).toHaveLength(1);
      expect(live[0]?.keyHash).not.toBe(hashToken(oldKey));

      const [event] = await auditOf('credential_request.answered');
      expect(event).toMatchObject({ accountId, actorType: 'operator' });
      expect(JSON.parse(event?.details ?? '{}')).toEqual({ admins: 2 });
      const again = await operator.post(`${operatorUrl}/${request?.id}/send`);
      expect([again.statusCode, again.json().code]).toEqual([409, 'CREDENTIAL_REQUEST_ANSWERED']);
      expect(await openRequests()).toEqual([]);
      const listed = await operator.get(`${operatorUrl}?state=sent`);
      expect(listed.json().items).toMatchObject([{ id: request?.id, state: 'sent' }]);
    });

    it('flags a requester whose address is an admin’s', async () => {
      await ask({ email: 'Anna@Jura.test', name: 'Anna Admin' });
      const flags = (await openRequests()).map((item) => [
        (item as unknown as { requesterEmail: string }).requesterEmail,
        (item as unknown as { requesterIsAdmin: boolean }).requesterIsAdmin,
      ]);
      expect(flags.sort()).toEqual([
        ['anna@jura.test', true],
        ['fritz@stranger.test', false],
      ]);
    });

    it('dismisses without sending anything', async () => {
      const before = (await t.db.selectFrom('outboxEmails').select('id').execute()).length;
      const [request] = await openRequests();
      const dismissed = await operator.post(`${operatorUrl}/${request?.id}/dismiss`);
      expect(dismissed.statusCode, dismissed.body).toBe(200);
      expect(dismissed.json().request.state).toBe('dismissed');
      expect((await t.db.selectFrom('outboxEmails').select('id').execute()).length).toBe(before);
      expect(await auditOf('credential_request.dismissed')).toHaveLength(1);
      expect((await operator.post(`${operatorUrl}/${request?.id}/send`)).statusCode).toBe(409);
      expect(await credentialMails()).toEqual([]);
    });

    it('is for operators only', async () => {
      const [request] = await openRequests();
      for (const client of [visitor, owner.client]) {
        for (const response of [
          await client.get(operatorUrl),
          await client.post(`${operatorUrl}/${request?.id}/send`),
          await client.post(`${operatorUrl}/${request?.id}/dismiss`),
        ]) {
          expect([401, 403]).toContain(response.statusCode);
        }
      }
      expect((await rows())[0]?.state).toBe('open');
    });
  });

  describe('by e-mail', () => {
    const receive = (address: string, messageId: string | null = `<${address}-1@mail.test>`) =>
      t.app.kontor.services.credentialRequests.receiveEmail({
        customerNumber: owner.customerNumber,
        from: { address, name: 'Somebody' },
        text: 'Bitte senden Sie die Zugangsdaten.',
        messageId,
      });

    it('files for a member’s or a contact’s address, ignores a stranger, and a Message-ID once', async () => {
      const contact = await owner.client.post(`/api/v1/accounts/${accountId}/contacts`, {
        name: 'Carla Kontakt',
        email: 'carla@jura.test',
        locale: 'de',
        categories: [],
      });
      expect(contact.statusCode, contact.body).toBe(201);
      expect(await receive('JUSTUS@jura.test')).toBe('filed');
      expect(await receive('carla@jura.test')).toBe('filed');
      expect(await receive('fritz@stranger.test')).toBe('ignored');
      expect(await receive('carla@jura.test')).toBe('duplicate');
      expect(
        await t.app.kontor.services.credentialRequests.receiveEmail({
          customerNumber: generateCustomerNumber(),
          from: { address: 'carla@jura.test' },
          text: '',
          messageId: null,
        }),
      ).not.toBe('filed');
      const filed = await rows();
      expect(filed.map((row) => [row.requesterEmail, row.via, row.messageId]).sort()).toEqual([
        ['carla@jura.test', 'email', '<carla@jura.test-1@mail.test>'],
        ['justus@jura.test', 'email', '<JUSTUS@jura.test-1@mail.test>'],
      ]);
      expect(await auditOf('credential_request.received')).toHaveLength(2);
    });
  });
});

describe('credentialRequestIn', () => {
  const number = '4839201-4';
  it.each([
    ['de', 'Zugangsdaten', `Bitte senden Sie uns die Zugangsdaten für Kundennummer ${number}.`],
    ['de', `Kennwort vergessen (${number})`, ''],
    ['de', 'Anfrage', `Wir haben unser PASSWORT verloren. Kunden-Nr. 4839 2014`],
    ['en', 'Credentials please', `Customer number ${number}`],
    ['en', '', `We lost the access data for customer ${number.replace('-', '')}.`],
    ['en', 'Login', `Account ${number}`],
    ['hu', 'Hozzáférési adatok', `Ügyfélszám: ${number}`],
    ['hu', '', `Elfelejtettük a JELSZÓ-t, ügyfélszám ${number}`],
    ['hu', 'Belépési adatok kérése', `${number}`],
  ])('recognises a %s request: %s', (_language, subject, text) => {
    expect(credentialRequestIn(subject, text)).toEqual({ customerNumber: number });
  });

  it.each([
    ['de: no number', 'Zugangsdaten', 'Bitte senden Sie uns die Zugangsdaten.'],
    ['de: no credential word', 'Rechnung', `Frage zur Rechnung, Kundennummer ${number}`],
    ['de: wrong check digit', 'Passwort', 'Kundennummer 4839201-6'],
    ['en: no credential word', 'Invoice', `Customer number ${number}`],
    ['en: a longer number', 'Password', 'Order 148392014'],
    ['hu: no credential word', 'Számla', `Ügyfélszám: ${number}`],
    ['hu: no number', 'Jelszó', 'Elfelejtettem a jelszavam.'],
  ])('ignores %s', (_case, subject, text) => {
    expect(credentialRequestIn(subject, text)).toBeNull();
  });
});
