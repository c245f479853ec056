// C3: members with "open support requests" open requests with attachments, follow the thread and reply;
// operators find them in the inbox, answer and change the state; answers reach the requester and the
// account's support subscribers by e-mail, each once; everything is audited in the account.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  companyOwner,
  signedInOperator,
  signedInOwner,
  signedInUser,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { minutes } from '../../shared/clock.ts';
import { png, pngAttachment } from './test-attachments.ts';

describeEachDatabase('support requests by web', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let base: string;
  let mia: TestClient;
  let operator: TestClient;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    base = `/api/v1/accounts/${accountId}/support-requests`;
    const member = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    const granted = await owner.put(`/api/v1/accounts/${accountId}/users/${member.user.id}/permissions`, {
      permissions: ['support.open'],
    });
    expect(granted.statusCode, granted.body).toBe(200);
    mia = member.client;
    operator = (await signedInOperator(t.app)).client;
  });
  afterEach(() => t.close());

  const open = async (client: TestClient, body: object = {}) => {
    const opened = await client.post(base, {
      subject: 'Mehr Speicher',
      text: 'Bitte 10 GB mehr.',
      ...body,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    return opened.json() as {
      id: string;
      reference: string;
      state: string;
      messages: { body: string; authorKind: string; attachments: { id: string; filename: string }[] }[];
    };
  };
  const outboxTo = (address: string) =>
    t.db.selectFrom('outboxEmails').selectAll().where('toAddress', '=', address).execute();
  const auditActions = async () =>
    (
      await t.db
        .selectFrom('auditEvents')
        .select('action')
        .where('accountId', '=', accountId)
        .where('action', 'like', 'support.%')
        .orderBy('createdAt')
        .orderBy('id')
        .execute()
    )
      .map((row) => row.action)
      .sort(); // one fake instant: the order of the rows is not the order of the events

  it('opens a request with an attachment, shows its thread, takes a reply, and sends a receipt', async () => {
    const request = await open(mia, { attachments: [pngAttachment()] });
    expect(request.reference).toMatch(/^K-\d{6}$/);
    expect(request.state).toBe('open');
    expect(request.messages).toHaveLength(1);
    expect(request.messages[0]).toMatchObject({ body: 'Bitte 10 GB mehr.', authorKind: 'member' });
    expect(request.messages[0]?.attachments.map((a) => a.filename)).toEqual(['screen.png']);
    const stored = await t.db.selectFrom('supportAttachments').selectAll().execute();
    expect(Buffer.from(stored[0]?.content ?? []).equals(png)).toBe(true);

    const receipt = await outboxTo('mia@jura.test');
    expect(receipt.map((mail) => mail.subject)).toContainEqual(
      `[#${request.reference}] Anfrage erhalten: Mehr Speicher`,
    );

    const replied = await mia.post(`${base}/${request.id}/messages`, { text: 'Noch eine Frage.' });
    expect(replied.statusCode, replied.body).toBe(201);
    const thread = (await mia.get(`${base}/${request.id}`)).json();
    expect(thread.messages.map((m: { body: string }) => m.body)).toEqual([
      'Bitte 10 GB mehr.',
      'Noch eine Frage.',
    ]);
    const list = (await mia.get(base)).json();
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([request.id]);
    expect(await auditActions()).toEqual(['support.customer_replied', 'support.request_opened']);
  });

  it('numbers requests one after another and lists the latest activity first', async () => {
    const first = await open(mia, { subject: 'Erste' });
    t.clock.advance(minutes(1));
    const second = await open(owner, { subject: 'Zweite' });
    expect(Number(second.reference.slice(2))).toBe(Number(first.reference.slice(2)) + 1);
    t.clock.advance(minutes(1));
    await mia.post(`${base}/${first.id}/messages`, { text: 'Hallo?' });
    const list = (await mia.get(base)).json();
    expect(list.items.map((item: { subject: string }) => item.subject)).toEqual(['Erste', 'Zweite']);
  });

  it('refuses members without "open support requests", and a subject with a line break', async () => {
    const plain = await signedInUser(t.app, owner, accountId, { username: 'max', email: 'max@jura.test' });
    expect((await plain.client.get(base)).statusCode).toBe(403);
    expect((await plain.client.post(base, { subject: 'x', text: 'y' })).statusCode).toBe(403);
    const request = await open(mia);
    expect((await plain.client.get(`${base}/${request.id}`)).statusCode).toBe(403);
    const injected = await mia.post(base, { subject: 'Hallo\r\nBcc: x@evil.test', text: 'y' });
    expect(injected.statusCode).toBe(400);
    expect(injected.json().details[0].field).toBe('subject');
  });

  it("never shows another account's request or attachment", async () => {
    const request = await open(mia, { attachments: [pngAttachment()] });
    const attachmentId = request.messages[0]?.attachments[0]?.id;
    const other = (await signedInOwner(t.app, { email: 'owner@other.test', companyName: 'Andere' })).client;
    const otherBase = `/api/v1/accounts/${await accountIdOf(other)}/support-requests`;
    expect((await other.get(`${otherBase}/${request.id}`)).statusCode).toBe(404);
    expect((await other.get(`${otherBase}/${request.id}/attachments/${attachmentId}`)).statusCode).toBe(404);
    expect((await other.post(`${otherBase}/${request.id}/messages`, { text: 'x' })).statusCode).toBe(404);
    expect((await other.get(`${base}/${request.id}`)).statusCode).toBe(404);
    // Another request's id with this request's attachment is not found either.
    const second = await open(mia);
    expect((await mia.get(`${base}/${second.id}/attachments/${attachmentId}`)).statusCode).toBe(404);
  });

  it('serves attachments only as downloads, to members with the permission and to operators', async () => {
    const request = await open(mia, { attachments: [pngAttachment('Übersicht "Q1".png')] });
    const attachmentId = request.messages[0]?.attachments[0]?.id;
    const download = await mia.get(`${base}/${request.id}/attachments/${attachmentId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="_bersicht Q1.png"; filename*=UTF-8''%C3%9Cbersicht%20Q1.png`,
    );
    expect(download.rawPayload.equals(png)).toBe(true);
    const byOperator = await operator.get(
      `/api/v1/operator/support-requests/${request.id}/attachments/${attachmentId}`,
    );
    expect(byOperator.statusCode).toBe(200);
    expect(byOperator.rawPayload.equals(png)).toBe(true);
    expect(
      (await new TestClient(t.app).get(`${base}/${request.id}/attachments/${attachmentId}`)).statusCode,
    ).toBe(401);
  });

  it('answers go to the requester and the support subscribers, each once, not to other categories', async () => {
    const request = await open(mia);
    const contact = async (email: string, categories: string[]) => {
      const added = await owner.post(`/api/v1/accounts/${accountId}/contacts`, {
        name: email.split('@')[0],
        email,
        locale: 'de',
        categories,
      });
      expect(added.statusCode, added.body).toBe(201);
    };
    await contact('admin@jura.test', ['support']);
    await contact('buchhaltung@jura.test', ['invoice']);
    await contact('domains@jura.test', ['domain']);
    await contact('mia@jura.test', ['support']); // the requester as a contact too: still one e-mail
    await mia.put(`/api/v1/accounts/${accountId}/my-notifications`, { categories: ['support'] });
    const answered = await operator.post(`/api/v1/operator/support-requests/${request.id}/answers`, {
      text: 'Erledigt, 10 GB mehr.',
    });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json().state).toBe('waiting_for_customer');
    const answers = async (address: string) =>
      (await outboxTo(address)).filter((mail) => mail.textBody.includes('Erledigt, 10 GB mehr.'));
    expect(await answers('mia@jura.test')).toHaveLength(1);
    expect(await answers('admin@jura.test')).toHaveLength(1);
    expect((await answers('admin@jura.test'))[0]?.subject).toBe(
      `[#${request.reference}] Neue Antwort: Mehr Speicher`,
    );
    expect(await answers(companyOwner.email)).toHaveLength(1);
    expect(await answers('buchhaltung@jura.test')).toHaveLength(0);
    expect(await answers('domains@jura.test')).toHaveLength(0);

    // A customer reply opens it again, also after it was closed.
    await operator.put(`/api/v1/operator/support-requests/${request.id}/state`, { state: 'closed' });
    expect((await mia.get(`${base}/${request.id}`)).json().state).toBe('closed');
    await mia.post(`${base}/${request.id}/messages`, { text: 'Doch noch etwas.' });
    expect((await mia.get(`${base}/${request.id}`)).json().state).toBe('open');
    expect(await auditActions()).toEqual([
      'support.answered',
      'support.customer_replied',
      'support.request_opened',
      'support.state_changed',
    ]);
  });

  it('a member who lost the permission can no longer add to a request', async () => {
    const request = await open(mia);
    const users = (await owner.get(`/api/v1/accounts/${accountId}/users`)).json().items as {
      id: string;
      email: string | null;
    }[];
    const miaId = users.find((user) => user.email === 'mia@jura.test')?.id;
    await owner.put(`/api/v1/accounts/${accountId}/users/${miaId}/permissions`, { permissions: [] });
    expect((await mia.post(`${base}/${request.id}/messages`, { text: 'x' })).statusCode).toBe(403);
    const service = t.app.kontor.services.support;
    await expect(
      service.addCustomerMessage({
        accountId,
        requestId: request.id,
        from: { kind: 'member', id: miaId ?? '' },
        actor: { type: 'system', id: null, ipAddress: null },
        text: 'per E-Mail',
        via: 'email',
      }),
    ).rejects.toMatchObject({ code: 'SUPPORT_AUTHOR_NOT_ALLOWED' });
  });
  it('a contact may file by the e-mail path while allowed, and not once removed mid-thread', async () => {
    const added = await owner.post(`/api/v1/accounts/${accountId}/contacts`, {
      name: 'Sysadmin Sam',
      email: 'sam@jura.test',
      locale: 'en',
      categories: [],
      mayOpenRequests: true,
    });
    const contactId = added.json().id as string;
    const service = t.app.kontor.services.support;
    const system = { type: 'system' as const, id: null, ipAddress: null };
    const from = { kind: 'contact' as const, id: contactId };
    const opened = await service.open({
      accountId,
      from,
      actor: system,
      subject: 'DNS',
      text: 'Please add a record.',
      via: 'email',
      messageId: '<1@mail.jura.test>',
    });
    expect(opened.messages[0]).toMatchObject({
      authorKind: 'contact',
      authorName: 'Sysadmin Sam',
      via: 'email',
    });
    expect((await outboxTo('sam@jura.test')).map((mail) => mail.subject)).toEqual([
      `[#${opened.reference}] Request received: DNS`,
    ]);
    await owner.delete(`/api/v1/accounts/${accountId}/contacts/${contactId}`);
    await expect(
      service.addCustomerMessage({
        accountId,
        requestId: opened.id,
        from,
        actor: system,
        text: 'Still there?',
      }),
    ).rejects.toMatchObject({ code: 'SUPPORT_AUTHOR_NOT_ALLOWED' });
    expect((await mia.get(`${base}/${opened.id}`)).json().messages).toHaveLength(1);
  });
});
