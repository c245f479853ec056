// R2: before a client joins, what its network allows: the signalling socket, a public address through STUN,
// a relay through TURN, and the download speed (the seed recommends at least 2 Mbit/s for a session).
import type { IceServer } from '../../../src/modules/remote-support/remote-support.protocol.ts';
import { type Connectivity, clientSocketUrl, fetchConnectivity } from './remote-support-api.ts';

export const recommendedMbps = 2;
const stepTimeoutMs = 6_000;

/** 'none': nothing of the kind is configured, so there was nothing to reach. */
export type Reach = 'ok' | 'failed' | 'none';

export interface CheckResult {
  signalling: Reach;
  stun: Reach;
  turn: Reach;
  /** Download speed in Mbit/s; null when the probe failed. */
  mbps: number | null;
  settings: Connectivity;
}

const hasScheme = (servers: IceServer[], schemes: string[]) =>
  servers.some((server) => server.urls.some((url) => schemes.some((scheme) => url.startsWith(scheme))));

/** Opens the client's socket and closes it again without joining. */
function checkSignalling(): Promise<Reach> {
  return new Promise((resolve) => {
    const socket = new WebSocket(clientSocketUrl());
    const done = (reach: Reach) => {
      clearTimeout(timer);
      socket.close(1000);
      resolve(reach);
    };
    const timer = setTimeout(() => done('failed'), stepTimeoutMs);
    socket.addEventListener('open', () => done('ok'));
    socket.addEventListener('error', () => done('failed'));
  });
}

/** The kinds of ICE candidate the browser gathers with these servers ('srflx' through STUN, 'relay' through TURN). */
async function gatherCandidateTypes(iceServers: IceServer[]): Promise<Set<string>> {
  const connection = new RTCPeerConnection({ iceServers });
  const types = new Set<string>();
  try {
    connection.createDataChannel('check');
    const gathered = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, stepTimeoutMs);
      connection.addEventListener('icecandidate', ({ candidate }) => {
        if (candidate?.type) types.add(candidate.type);
        if (!candidate) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await connection.setLocalDescription(await connection.createOffer());
    await gathered;
  } finally {
    connection.close();
  }
  return types;
}

/** Times the download of the probe's random bytes. */
async function measureMbps(url: string, bytes: number): Promise<number | null> {
  try {
    const started = performance.now();
    const response = await fetch(url, { cache: 'no-store', credentials: 'omit' });
    if (!response.ok) return null;
    const received = (await response.arrayBuffer()).byteLength || bytes;
    const seconds = Math.max((performance.now() - started) / 1000, 0.001);
    return (received * 8) / seconds / 1_000_000;
  } catch {
    return null;
  }
}

export async function checkConnection(): Promise<CheckResult> {
  const settings = await fetchConnectivity();
  const { iceServers } = settings;
  const [signalling, types, mbps] = await Promise.all([
    checkSignalling(),
    gatherCandidateTypes(iceServers).catch(() => new Set<string>()),
    measureMbps(settings.probeUrl, settings.probeBytes),
  ]);
  // A TURN server answers STUN requests too, so a public address may come from either.
  const reach = (configured: boolean, type: string): Reach =>
    types.has(type) ? 'ok' : configured ? 'failed' : 'none';
  return {
    signalling,
    stun: reach(hasScheme(iceServers, ['stun:', 'stuns:']), 'srflx'),
    turn: reach(settings.turnConfigured && hasScheme(iceServers, ['turn:', 'turns:']), 'relay'),
    mbps,
    settings,
  };
}
