// Issue 13.7: when no direct path exists, media and files go through the TURN relay. Kontor here runs with
// a real coturn on 127.0.0.1 and REMOTE_SUPPORT_RELAY_ONLY, so browsers may use relayed candidates only;
// the credentials are the short-lived ones Kontor hands out, checked by coturn with the shared secret.
import { type Coturn, startCoturn } from './coturn.ts';
import { expect, test } from './fixtures.ts';

const relayed = test.extend<object, { coturn: Coturn }>({
  coturn: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const coturn = await startCoturn();
      await use(coturn);
      await coturn.stop();
    },
    { scope: 'worker' },
  ],
  kontorEnv: [
    async ({ coturn }, use) =>
      use({
        REMOTE_SUPPORT_TURN_URLS: coturn.url,
        REMOTE_SUPPORT_TURN_SECRET: coturn.secret,
        REMOTE_SUPPORT_RELAY_ONLY: 'true',
      }),
    { scope: 'worker' },
  ],
});
relayed.use({ kontorServer: 'turn-relay' });

/** Two peer connections in the page, relay only, with the ICE servers Kontor names; a message crosses. */
async function connectThroughRelay(page: import('@playwright/test').Page, tamper: boolean) {
  return page.evaluate(async (spoil) => {
    const check = await (await fetch('/api/v1/remote-support/connectivity')).json();
    const iceServers = (check.iceServers as RTCIceServer[]).map((server) =>
      spoil && server.credential ? { ...server, credential: `x${server.credential}` } : server,
    );
    const config: RTCConfiguration = { iceServers, iceTransportPolicy: check.relayOnly ? 'relay' : 'all' };
    const a = new RTCPeerConnection(config);
    const b = new RTCPeerConnection(config);
    const types: string[] = [];
    a.onicecandidate = (event) => {
      if (!event.candidate) return;
      types.push(event.candidate.type ?? '');
      void b.addIceCandidate(event.candidate);
    };
    b.onicecandidate = (event) => event.candidate && void a.addIceCandidate(event.candidate);
    const channel = a.createDataChannel('probe');
    const received = new Promise<string>((resolve) => {
      b.ondatachannel = (event) => {
        event.channel.onmessage = (message) => resolve(String(message.data));
      };
    });
    channel.onopen = () => channel.send('über TURN');
    await a.setLocalDescription();
    await b.setRemoteDescription(a.localDescription as RTCSessionDescriptionInit);
    await b.setLocalDescription();
    await a.setRemoteDescription(b.localDescription as RTCSessionDescriptionInit);
    const message = await Promise.race([
      received,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 8_000)),
    ]);
    let pair: { local: string; remote: string } | null = null;
    const stats = [...(await a.getStats()).values()];
    const transport = stats.find((entry) => entry.type === 'transport');
    const chosen = stats.find((entry) => entry.id === transport?.selectedCandidatePairId);
    if (chosen) {
      const typeOf = (id: string) => stats.find((entry) => entry.id === id)?.candidateType as string;
      pair = { local: typeOf(chosen.localCandidateId), remote: typeOf(chosen.remoteCandidateId) };
    }
    a.close();
    b.close();
    return { relayOnly: check.relayOnly, turnConfigured: check.turnConfigured, message, types, pair };
  }, tamper);
}

relayed(
  'a data channel crosses coturn with the credentials Kontor issued, and only through it',
  async ({ page, kontor }) => {
    await page.goto(`${kontor.baseUrl}/sign-in`);
    const through = await connectThroughRelay(page, false);
    expect(through).toMatchObject({ relayOnly: true, turnConfigured: true, message: 'über TURN' });
    expect(new Set(through.types)).toEqual(new Set(['relay']));
    expect(through.pair).toEqual({ local: 'relay', remote: 'relay' });
    // coturn checks the credential: a spoiled one gets no relay, so nothing connects.
    const spoiled = await connectThroughRelay(page, true);
    expect(spoiled.types).toEqual([]);
    expect(spoiled.message).toBeNull();
  },
);
