// Issue 13 over real WebSockets: numbers, admission, consent before any picture, the relay, the function
// bar's frames, file transfers as logged, the end, and the attacks of SECURITY.md 31 — on both databases.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  signedInUser,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import { wsPeer } from '../../../test/helpers/ws-peer.ts';
import { days, minutes } from '../../shared/clock.ts';

const operatorSessions = '/api/v1/operator/remote-support/sessions';
const clientSocket = '/api/v1/remote-support/socket';
/** An offer that sends video, as a browser makes it once the screen's track is added. */
const videoOffer =
  'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendonly\r\n';
const sha = (char: string) => char.repeat(64);

describeEachDatabase('remote support', (dialect) => {
  let t: TestApp;
  let operator: TestClient;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect, env: { REMOTE_SUPPORT_MAX_FILE_BYTES: '30000000' } });
    operator = (await signedInOperator(t.app)).client;
  });
  afterEach(() => t.close());

  async function started(mode: 'support' | 'show' = 'support', client = operator, base = operatorSessions) {
    const response = await client.post(base, { mode });
    expect(response.statusCode).toBe(201);
    const session = response.json() as { id: string; number: string; link: string };
    const host = await wsPeer(t.app, `${base}/${session.id}/socket`, { client });
    await host.next('welcome');
    return { session, host };
  }

  async function knocking(number: string, name = 'Anna Berger', lang = 'de') {
    const client = await wsPeer(t.app, `${clientSocket}?lang=${lang}`);
    client.send({ type: 'join', number, name });
    return client;
  }

  /** A running session: the client knocked, was admitted, and both were asked for consent. */
  async function running(mode: 'support' | 'show' = 'support') {
    const { session, host } = await started(mode);
    const client = await knocking(session.number);
    await client.next('waiting');
    const knock = await host.next<{ knockId: string; name: string; address: string }>('knock');
    expect(knock).toMatchObject({ name: 'Anna Berger', address: '127.0.0.1' });
    host.send({ type: 'admit', knockId: knock.knockId });
    expect(await client.next('welcome')).toMatchObject({ side: 'client', maxFileBytes: 30_000_000 });
    for (const peer of [host, client]) {
      expect((await peer.next('admitted')).session).toMatchObject({
        state: 'active',
        clientName: 'Anna Berger',
      });
      expect(await peer.next('consent-asked')).toMatchObject({
        mode,
        sharing: mode === 'support' ? 'client' : 'host',
      });
    }
    return { session, host, client };
  }

  const kinds = (log: { kind: string }[]) => log.map((entry) => entry.kind);

  it('gives a host a six-digit number and a link; members need "host remote support"', async () => {
    const response = await operator.post(operatorSessions, { mode: 'show' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ mode: 'show', state: 'open', hostName: 'Olga Operator' });
    expect(response.json().number).toMatch(/^[1-9]\d{5}$/);
    expect(response.json().link).toBe(`http://kontor.test/support?number=${response.json().number}`);
    expect(new Date(response.json().expiresAt).getTime() - t.clock.now().getTime()).toBe(minutes(10));
    expect((await operator.get(operatorSessions)).json().items).toHaveLength(1);

    const owner = await signedInOwner(t.app);
    const accountId = await accountIdOf(owner.client);
    const accountSessions = `/api/v1/accounts/${accountId}/remote-support/sessions`;
    const own = await owner.client.post(accountSessions, { mode: 'support' });
    expect(own.statusCode).toBe(201);
    expect(own.json().hostName).toBe('Dr. Justus Jura');
    const member = await signedInUser(t.app, owner.client, accountId, {
      username: 'mia',
      email: 'mia@jura.test',
    });
    expect((await member.client.post(accountSessions, { mode: 'support' })).statusCode).toBe(403);
    // Another host's session, even of the same account, is not there for them.
    const foreign = `${accountSessions}/${own.json().id}`;
    expect((await operator.get(`${operatorSessions}/${own.json().id}/log`)).statusCode).toBe(404);
    await expect(
      wsPeer(t.app, `${operatorSessions}/${own.json().id}/socket`, { client: operator }),
    ).rejects.toThrow(/404/);
    await expect(wsPeer(t.app, `${foreign}/socket`)).rejects.toThrow(/401/);
    expect((await owner.client.post(accountSessions, { mode: 'sideways' })).statusCode).toBe(400);
  });

  it('answers a wrong, an expired and a used number alike, and admits nobody without the host', async () => {
    const wrong = await knocking('000001');
    const wrongError = await wrong.next<{ code: string; message: string }>('error');
    expect(wrongError.code).toBe('REMOTE_SUPPORT_NUMBER_INVALID');
    expect(wrongError.message).toMatch(/Sitzungsnummer/);
    expect(await wrong.closed).toBe(1008);

    const { session: stale } = await started();
    t.clock.advance(minutes(10));
    const expired = await knocking(stale.number);
    expect(await expired.next('error')).toEqual(wrongError);

    const { session, client } = await running();
    const late = await knocking(session.number);
    expect(await late.next('error')).toEqual(wrongError);
    expect(client.frames.filter((frame) => frame.type === 'error')).toEqual([]);
    const hungarian = await knocking('123 456', 'Kovács Anna', 'hu');
    expect((await hungarian.next<{ message: string }>('error')).message).toMatch(/munkamenet-azonosító/);
  });

  it('keeps a knocking client out until admitted; a rejected one is told and disconnected', async () => {
    const { session, host } = await started();
    const client = await knocking(session.number);
    await client.next('waiting');
    client.send({ type: 'chat', text: 'let me in' });
    client.send({ type: 'signal', description: { type: 'offer', sdp: videoOffer } });
    expect((await client.next('error')).code).toBe('REMOTE_SUPPORT_NOT_ALLOWED');
    expect((await client.next('error')).code).toBe('REMOTE_SUPPORT_NOT_ALLOWED');
    client.send({ type: 'admit', knockId: (await host.next<{ knockId: string }>('knock')).knockId });
    expect((await client.next('error')).code).toBe('REMOTE_SUPPORT_NOT_ALLOWED');
    expect(host.frames.filter((frame) => frame.type === 'signal' || frame.type === 'chat')).toEqual([]);

    const other = await knocking(session.number, 'Mallory');
    const knock = await host.next<{ knockId: string }>('knock');
    host.send({ type: 'reject', knockId: knock.knockId });
    await other.next('rejected');
    expect(await other.closed).toBe(1000);
    // Closing the socket withdraws the knock.
    client.socket.close();
    expect(await host.next('knock-withdrawn')).toHaveProperty('knockId');
    const log = (await operator.get(`${operatorSessions}/${session.id}/log`)).json().log;
    expect(kinds(log)).toEqual(['session.started', 'client.knocked', 'client.knocked', 'client.rejected']);
    expect(log[3].details).toMatchObject({ name: 'Mallory' });
  });

  it('shows no picture before the sharing side says yes, then relays, chats, points and switches', async () => {
    const { host, client } = await running('support');
    const offer = { type: 'signal', description: { type: 'offer', sdp: videoOffer } };
    client.send(offer);
    expect((await client.next('error')).code).toBe('REMOTE_SUPPORT_CONSENT_REQUIRED');
    client.send({ type: 'share', state: 'started', surface: 'monitor' });
    expect((await client.next('error')).code).toBe('REMOTE_SUPPORT_CONSENT_REQUIRED');
    // Only the sharing side answers; the host cannot say yes for the client.
    host.send({ type: 'consent', granted: true });
    expect((await host.next('error')).code).toBe('REMOTE_SUPPORT_NOT_ALLOWED');
    // Signalling without a picture (the data channel) passes before consent.
    host.send({ type: 'signal', candidate: null });
    expect(await client.next('signal')).toEqual({ type: 'signal', candidate: null, from: 'host' });

    client.send({ type: 'consent', granted: true });
    expect(await host.next('consent')).toEqual({ type: 'consent', granted: true, mode: 'support' });
    client.send({ type: 'share', state: 'started', surface: 'window' });
    client.send(offer);
    expect(await host.next('share')).toEqual({ type: 'share', state: 'started', surface: 'window' });
    expect(await host.next('signal')).toEqual({ ...offer, from: 'client' });
    // The host, viewing, may not send a picture of its own in this mode.
    host.send(offer);
    expect((await host.next('error')).code).toBe('REMOTE_SUPPORT_CONSENT_REQUIRED');

    host.send({ type: 'pointer', x: 0.25, y: 0.75 });
    expect(await client.next('pointer')).toEqual({ type: 'pointer', x: 0.25, y: 0.75 });
    client.send({ type: 'pointer', x: 0.5, y: 0.5 });
    expect((await client.next('error')).code).toBe('REMOTE_SUPPORT_NOT_ALLOWED');
    host.send({ type: 'chat', text: 'Klicken Sie bitte auf „Speichern“.' });
    for (const peer of [host, client]) {
      expect(await peer.next('chat')).toMatchObject({
        from: 'host',
        name: 'Olga Operator',
        text: 'Klicken Sie bitte auf „Speichern“.',
      });
    }

    // Show: now the host shares, after its own yes; the client's consent no longer counts, and its share
    // ends with the switch.
    client.send({ type: 'switch-mode', mode: 'show' });
    const stopped = await host.next<{ entry: { kind: string; actor: string } }>(
      'log',
      ({ entry }) => entry.kind === 'share.stopped',
    );
    expect(stopped.entry.actor).toBe('client');
    for (const peer of [host, client]) {
      expect(await peer.next('mode')).toEqual({ type: 'mode', mode: 'show', by: 'client' });
      expect(await peer.next('consent-asked')).toMatchObject({ mode: 'show', sharing: 'host' });
    }
    host.send(offer);
    expect((await host.next('error')).code).toBe('REMOTE_SUPPORT_CONSENT_REQUIRED');
    client.send({ type: 'consent', granted: true });
    expect((await client.next('error')).code).toBe('REMOTE_SUPPORT_NOT_ALLOWED');
    host.send({ type: 'consent', granted: true });
    await client.next('consent');
    host.send(offer);
    expect(await client.next('signal')).toEqual({ ...offer, from: 'host' });
  });

  it('logs file transfers both ways and refuses files over the limit', async () => {
    const { session, host, client } = await running();
    const offered = {
      type: 'file',
      transferId: 't-1',
      name: '../../etc/Bescheid 2026.pdf',
      size: 20_000_000,
    };
    // As the web app does: the sender's checksum, computed while the bytes flow, comes with its completion.
    host.send({ ...offered, event: 'offered' });
    type Log = { entry: { kind: string; details: Record<string, unknown> } };
    /** Two sockets race; the next step waits until the server has logged the last. */
    const logged = async (peer: typeof host, kind: string, transferId: string) =>
      (
        await peer.next<Log>(
          'log',
          ({ entry }) => entry.kind === kind && entry.details.transferId === transferId,
        )
      ).entry;
    const entry = await logged(client, 'file.offered', 't-1');
    expect(entry).toMatchObject({
      kind: 'file.offered',
      details: { name: 'Bescheid 2026.pdf', direction: 'host_to_client' },
    });
    // Only the receiver says it has the file; only the sender that it is done.
    host.send({ ...offered, event: 'received', sha256: sha('a') });
    expect((await host.next('error')).code).toBe('REMOTE_SUPPORT_NOT_ALLOWED');
    client.send({ ...offered, event: 'received', sha256: sha('a') });
    await logged(host, 'file.received', 't-1');
    host.send({ ...offered, event: 'completed', sha256: sha('a') });
    await logged(client, 'file.completed', 't-1');
    client.send({
      ...offered,
      transferId: 't-2',
      event: 'offered',
      name: 'scan.png',
      size: 1_000,
      sha256: sha('b'),
    });
    await logged(host, 'file.offered', 't-2');
    host.send({
      ...offered,
      transferId: 't-2',
      event: 'received',
      name: 'scan.png',
      size: 1_000,
      sha256: sha('c'),
    });
    host.send({
      ...offered,
      transferId: 't-2',
      event: 'failed',
      name: 'scan.png',
      size: 1_000,
      reason: 'checksum',
    });
    await logged(client, 'file.failed', 't-2');
    client.send({ ...offered, transferId: 't-3', event: 'offered', name: 'big.iso', size: 30_000_001 });
    expect(await client.next('error')).toMatchObject({
      code: 'REMOTE_SUPPORT_FILE_TOO_LARGE',
      message: expect.stringMatching(/30 MB/),
    });
    client.send({ ...offered, transferId: 'nope', event: 'cancelled' });
    expect((await client.next('error')).code).toBe('REMOTE_SUPPORT_TRANSFER_UNKNOWN');

    client.send({ type: 'end' });
    const [hostEnd, clientEnd] = [
      await host.next<{
        by: string;
        reason: string;
        log: { kind: string; details: Record<string, unknown> }[];
      }>('ended'),
      await client.next('ended'),
    ];
    expect(hostEnd).toMatchObject({ by: 'client', reason: 'ended' });
    expect(clientEnd).toEqual(hostEnd);
    const files = hostEnd.log.filter((line) => line.kind.startsWith('file.'));
    expect(files.map((line) => [line.kind, line.details.transferId, line.details.direction])).toEqual([
      ['file.offered', 't-1', 'host_to_client'],
      ['file.received', 't-1', 'host_to_client'],
      ['file.completed', 't-1', 'host_to_client'],
      ['file.offered', 't-2', 'client_to_host'],
      ['file.received', 't-2', 'client_to_host'],
      ['file.failed', 't-2', 'client_to_host'],
    ]);
    // Compared where both checksums are known: at the completion, or at the receipt of a checksummed offer.
    expect(files.map((line) => line.details.checksumMatches)).toEqual([
      undefined,
      undefined,
      true,
      undefined,
      false,
      undefined,
    ]);
    expect(await host.closed).toBe(1000);
    expect(await client.closed).toBe(1000);
    // The log stays with the host; the session cannot be opened again.
    const stored = (await operator.get(`${operatorSessions}/${session.id}/log`)).json();
    expect(stored.session.state).toBe('ended');
    expect(stored.log).toEqual(hostEnd.log);
    await expect(
      wsPeer(t.app, `${operatorSessions}/${session.id}/socket`, { client: operator }),
    ).rejects.toThrow(/409/);
  });

  it('ends the attempt when the sharing side says no, and keeps it in the account audit log', async () => {
    const owner = await signedInOwner(t.app);
    const accountId = await accountIdOf(owner.client);
    const base = `/api/v1/accounts/${accountId}/remote-support/sessions`;
    const { session, host } = await started('show', owner.client, base);
    const client = await knocking(session.number, 'Bea Mandant');
    host.send({ type: 'admit', knockId: (await host.next<{ knockId: string }>('knock')).knockId });
    await host.next('consent-asked');
    host.send({ type: 'consent', granted: false });
    expect(await client.next('consent')).toEqual({ type: 'consent', granted: false, mode: 'show' });
    const ended = await client.next<{ reason: string; log: { kind: string }[] }>('ended');
    expect(ended.reason).toBe('consent_refused');
    expect(kinds(ended.log)).toEqual([
      'session.started',
      'client.knocked',
      'client.admitted',
      'consent.asked',
      'consent.refused',
      'session.ended',
    ]);
    const audit = (await owner.client.get(`/api/v1/accounts/${accountId}/audit`)).json().items;
    expect(audit.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['remote_support.started', 'remote_support.ended']),
    );
  });

  it('refuses malformed, oversized and flooding frames and sockets from other sites', async () => {
    const { session, host, client } = await running();
    client.socket.send('not json');
    expect((await client.next('error')).code).toBe('REMOTE_SUPPORT_MESSAGE_INVALID');
    client.send({ type: 'chat', text: 'x', admin: true });
    expect((await client.next('error')).code).toBe('REMOTE_SUPPORT_MESSAGE_INVALID');
    client.send({ type: 'chat', text: 'x'.repeat(2_001) });
    expect((await client.next('error')).code).toBe('REMOTE_SUPPORT_MESSAGE_INVALID');
    for (let i = 0; i < 150; i++) host.send({ type: 'pointer', x: 0.1, y: 0.1 });
    await host.next('error', (frame) => frame.code === 'RATE_LIMITED');
    expect((await client.next<{ reason: string }>('ended')).reason).toBe('rate_limited');

    const other = await started();
    const big = await knocking(other.session.number);
    big.socket.send(JSON.stringify({ type: 'chat', text: 'x'.repeat(70_000) }));
    expect(await big.closed).toBe(1009);
    await expect(
      wsPeer(t.app, `${operatorSessions}/${other.session.id}/socket`, {
        client: operator,
        headers: { origin: 'https://evil.test' },
      }),
    ).rejects.toThrow(/403/);
    expect(session.id).not.toBe(other.session.id);
  });

  it('limits join attempts per address and over the whole service', async () => {
    await t.close();
    t = await buildTestApp({
      db: dialect,
      env: { REMOTE_SUPPORT_JOINS_PER_ADDRESS: '3', REMOTE_SUPPORT_JOINS_PER_MINUTE: '3' },
    });
    operator = (await signedInOperator(t.app)).client;
    const { session, host } = await started();
    for (let i = 0; i < 3; i++)
      expect((await (await knocking('999999')).next('error')).code).toBe('REMOTE_SUPPORT_NUMBER_INVALID');
    // Even the right number is not tried once the limit is reached.
    const limited = await knocking(session.number);
    expect((await limited.next<{ code: string; message: string }>('error')).message).toMatch(/Sekunden/);
    expect(host.frames.filter((frame) => frame.type === 'knock')).toEqual([]);
    t.clock.advance(minutes(1));
    await (await knocking(session.number)).next('waiting');
  });

  it('deletes a session and its log after the retention, which frees its number', async () => {
    const { session, host } = await started();
    host.send({ type: 'end' });
    await host.next('ended');
    const live = await running();
    t.clock.advance(days(300));
    const { remoteSupport } = t.app.kontor.services;
    const recent = await remoteSupport.start({
      host: { operatorId: (await t.db.selectFrom('operators').select('id').executeTakeFirstOrThrow()).id },
      operatorName: 'Olga Operator',
      mode: 'show',
      locale: 'de',
      actor: { type: 'system', id: null, ipAddress: null },
    });
    t.clock.advance(days(66));
    expect(await t.app.kontor.remoteSupportRetention.forgetExpired()).toBe(1);
    const left = await t.db.selectFrom('supportSessions').select(['id', 'number']).execute();
    expect(left.map((row) => row.id).sort()).toEqual([live.session.id, recent.id].sort());
    expect(left.map((row) => row.number)).not.toContain(session.number);
    const events = await t.db.selectFrom('supportSessionEvents').select('sessionId').execute();
    expect(events.map((row) => row.sessionId)).not.toContain(session.id);
    // The running session goes on; the start and the end stay in the audit log.
    live.client.send({ type: 'chat', text: 'still here' });
    expect(await live.host.next('chat')).toMatchObject({ text: 'still here' });
    const actions = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', 'like', 'remote_support.%')
      .execute();
    expect(actions.map((row) => row.action)).toContain('remote_support.ended');
  });

  it('hands out TURN credentials coturn can check, and says when there is no relay', async () => {
    const { host } = await started();
    host.send({ type: 'end' });
    await t.close();
    t = await buildTestApp({
      db: dialect,
      env: {
        REMOTE_SUPPORT_STUN_URLS: 'stun:127.0.0.1:3478',
        REMOTE_SUPPORT_TURN_URLS: 'turn:127.0.0.1:3478?transport=udp',
        REMOTE_SUPPORT_TURN_SECRET: 'a-long-shared-secret',
        REMOTE_SUPPORT_RELAY_ONLY: 'true',
      },
    });
    operator = (await signedInOperator(t.app)).client;
    const response = await operator.post(operatorSessions, { mode: 'support' });
    const peer = await wsPeer(t.app, `${operatorSessions}/${response.json().id}/socket`, {
      client: operator,
    });
    const welcome = await peer.next<{
      iceServers: { urls: string[]; username?: string; credential?: string }[];
    }>('welcome');
    expect(welcome).toMatchObject({ relayOnly: true, turnConfigured: true });
    const [stun, turn] = welcome.iceServers;
    expect(stun).toEqual({ urls: ['stun:127.0.0.1:3478'] });
    const [expiry, label] = (turn?.username ?? '').split(/:(.*)/);
    expect(Number(expiry) * 1000 - t.clock.now().getTime()).toBe(4 * 3_600_000);
    expect(label).toBe(`${response.json().id}:host`);
    const { createHmac } = await import('node:crypto');
    expect(turn?.credential).toBe(
      createHmac('sha1', 'a-long-shared-secret')
        .update(turn?.username ?? '')
        .digest('base64'),
    );
    const check = (await operator.get('/api/v1/remote-support/connectivity')).json();
    expect(check).toMatchObject({ turnConfigured: true, relayOnly: true, probeBytes: 262_144 });
    const probe = await operator.get(check.probeUrl);
    expect(probe.rawPayload.length).toBe(262_144);
    expect(probe.headers['cache-control']).toBe('no-store');
  });
});
