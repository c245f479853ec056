// R2–R6 while a session runs: the host's and the client's sockets meet in a room. Every frame is checked
// against the protocol's schema, the sender's rate and the room's state (who may say what, when) before it
// is relayed or logged; a room handles one frame at a time, so "yes" is logged before the picture it allows.
// Media and files go browser to browser (WebRTC); only signalling, chat and the log pass through here.
// One process holds the rooms; several nodes would route a session's sockets to one of them.
import { Ajv } from 'ajv';
import type { WebSocket } from 'ws';
import type { Config } from '../../config.ts';
import { addMilliseconds, type Clock, hours } from '../../shared/clock.ts';
import type { Translate } from '../../shared/i18n.ts';
import { newId } from '../../shared/tokens.ts';
import { fileStep, type Transfers } from './file-steps.ts';
import { iceServersFor, turnConfigured } from './ice-servers.ts';
import { joinLimits } from './join-limits.ts';
import { remoteSupportErrors as errors } from './remote-support.errors.ts';
import {
  type ClientMessage,
  clientMessage,
  type LogEntry,
  type LogKind,
  type ServerMessage,
  type Side,
  sharingSide,
} from './remote-support.protocol.ts';
import type { RemoteSupportService, SessionRow } from './remote-support.service.ts';
import { sendsVideo } from './sdp.ts';

const validFrame = new Ajv({ allErrors: false }).compile<ClientMessage>(clientMessage);
/** Knocks a number may have waiting at once; more answer like a wrong number. */
const maxKnocks = 5;
/** Frames per socket: a burst of 100 (ICE candidates come in bursts), then 20 a second. */
const burst = 100;
const perSecond = 20;

interface Peer {
  socket: WebSocket;
  address: string;
  t: Translate;
  side: Side;
  name: string;
  room: Room | null;
  /** The client's knock while it waits for the host, and when it knocked. */
  knockId: string | null;
  knockedAt: string;
  tokens: number;
  refilledAt: number;
  queue: Promise<void>;
}

interface Room {
  row: SessionRow;
  host: Peer | null;
  client: Peer | null;
  knocks: Map<string, Peer>;
  consent: 'asked' | 'given' | null;
  /** The sharing side reported a share that has not stopped (paused counts as shared). */
  sharing: boolean;
  transfers: Transfers;
  expiry: NodeJS.Timeout | null;
  queue: Promise<void>;
}

export function createRemoteSupportHub({
  config,
  clock,
  service,
  log,
}: {
  config: Config;
  clock: Clock;
  service: RemoteSupportService;
  log: { error(object: unknown, message: string): void };
}) {
  const settings = config.remoteSupport;
  const rooms = new Map<string, Room>();
  const limits = joinLimits(clock, {
    perAddress: settings.joinsPerAddressPerMinute,
    overall: settings.joinsPerMinute,
  });

  const send = (peer: Peer | null, message: ServerMessage) => {
    if (peer && peer.socket.readyState === peer.socket.OPEN) peer.socket.send(JSON.stringify(message));
  };
  const fail = (peer: Peer, code: string, params?: Record<string, string | number>) =>
    send(peer, { type: 'error', code, message: peer.t(`errors.${code}`, params) });
  const knockOf = (peer: Peer): ServerMessage => ({
    type: 'knock',
    knockId: peer.knockId ?? '',
    name: peer.name,
    address: peer.address,
    at: peer.knockedAt,
  });
  const other = (side: Side): Side => (side === 'host' ? 'client' : 'host');
  const peerOf = (room: Room, side: Side) => (side === 'host' ? room.host : room.client);
  const both = (room: Room, message: ServerMessage) => {
    send(room.host, message);
    send(room.client, message);
  };

  function welcome(room: Room, peer: Peer) {
    send(peer, {
      type: 'welcome',
      side: peer.side,
      session: service.viewOf(room.row),
      iceServers: iceServersFor(
        settings,
        `${room.row.id}:${peer.side}`,
        addMilliseconds(clock.now(), hours(4)),
      ),
      relayOnly: settings.relayOnly,
      turnConfigured: turnConfigured(settings),
      maxFileBytes: settings.maxFileBytes,
    });
  }

  /** Written first, then shown live to the host and, once admitted, the client. */
  async function record(room: Room, actor: LogEntry['actor'], kind: LogKind, details = {}) {
    const entry = await service.record(room.row.id, actor, kind, details);
    send(room.host, { type: 'log', entry });
    send(room.client, { type: 'log', entry });
  }

  /** The client's copy leaves out who else knocked. */
  const clientsLog = (log: LogEntry[], knockId: string | null) =>
    log.filter((entry) => !entry.kind.startsWith('client.') || entry.details.knockId === knockId);

  async function finish(room: Room, by: Side | 'server', reason: string) {
    if (rooms.get(room.row.id) !== room) return;
    rooms.delete(room.row.id);
    if (room.expiry) clearTimeout(room.expiry);
    const row = room.row;
    room.row = { ...row, state: 'ended' };
    const log = (await service.end(row, by, reason)) ?? [];
    send(room.host, { type: 'ended', by, reason, log });
    send(room.client, { type: 'ended', by, reason, log: clientsLog(log, room.client?.knockId ?? null) });
    for (const knock of room.knocks.values()) send(knock, { type: 'rejected' });
    for (const peer of [room.host, room.client, ...room.knocks.values()]) peer?.socket.close(1000);
  }

  function roomOf(row: SessionRow): Room {
    let room = rooms.get(row.id);
    if (!room) {
      const created: Room = {
        row,
        host: null,
        client: null,
        knocks: new Map(),
        consent: null,
        sharing: false,
        transfers: new Map(),
        expiry: null,
        queue: Promise.resolve(),
      };
      const left = new Date(row.expiresAt).getTime() - clock.now().getTime();
      created.expiry = setTimeout(() => serially(created, () => expire(created)), Math.max(0, left));
      created.expiry.unref();
      rooms.set(row.id, created);
      room = created;
    }
    return room;
  }

  async function expire(room: Room) {
    if (room.row.state !== 'open') return;
    for (const knock of room.knocks.values()) fail(knock, errors.REMOTE_SUPPORT_NUMBER_INVALID);
    await finish(room, 'server', 'expired');
  }

  function serially(target: { queue: Promise<void> }, work: () => Promise<void>) {
    target.queue = target.queue.then(work).catch((error) => log.error({ err: error }, 'remote support'));
  }

  /** Token bucket per socket; false once it is empty. */
  function allowed(peer: Peer) {
    const now = Date.now();
    peer.tokens = Math.min(burst, peer.tokens + ((now - peer.refilledAt) / 1000) * perSecond);
    peer.refilledAt = now;
    if (peer.tokens < 1) return false;
    peer.tokens -= 1;
    return true;
  }

  type Arriving = Omit<Peer, 'socket' | 'tokens' | 'refilledAt' | 'queue' | 'knockId' | 'knockedAt'>;
  function attach(socket: WebSocket, peer: Arriving) {
    const attached: Peer = {
      ...peer,
      socket,
      knockId: null,
      knockedAt: '',
      tokens: burst,
      refilledAt: Date.now(),
      queue: Promise.resolve(),
    };
    socket.on('message', (data, isBinary) => {
      if (!allowed(attached)) {
        fail(attached, 'RATE_LIMITED', { seconds: 1 });
        const room = attached.room;
        if (room && (room.host === attached || room.client === attached)) {
          serially(room, () => finish(room, 'server', 'rate_limited'));
        } else socket.close(1008);
        return;
      }
      const frame = isBinary ? undefined : parse(data.toString());
      if (!frame || !validFrame(frame)) return fail(attached, errors.REMOTE_SUPPORT_MESSAGE_INVALID);
      serially(attached.room ?? attached, () => handle(attached, frame));
    });
    socket.on('close', () => serially(attached.room ?? attached, () => left(attached)));
    return attached;
  }

  async function left(peer: Peer) {
    const room = peer.room;
    if (!room) return;
    if (room.host === peer) {
      if (room.row.state === 'active') await finish(room, 'host', 'left');
      else room.host = null;
    } else if (room.client === peer) await finish(room, 'client', 'left');
    else if (peer.knockId && room.knocks.delete(peer.knockId)) {
      send(room.host, { type: 'knock-withdrawn', knockId: peer.knockId });
    }
  }

  async function join(peer: Peer, number: string, name: string) {
    const wait = limits.take(peer.address);
    if (wait !== null) {
      fail(peer, 'RATE_LIMITED', { seconds: wait });
      return peer.socket.close(1008);
    }
    const row = await service.joinable(number);
    const room = row && roomOf(row);
    if (!room || room.knocks.size >= maxKnocks || room.row.state !== 'open') {
      fail(peer, errors.REMOTE_SUPPORT_NUMBER_INVALID);
      return peer.socket.close(1008);
    }
    peer.room = room;
    peer.name = name;
    peer.knockId = newId();
    peer.knockedAt = clock.now().toISOString();
    room.knocks.set(peer.knockId, peer);
    await record(room, 'client', 'client.knocked', { knockId: peer.knockId, name, address: peer.address });
    send(peer, { type: 'waiting' });
    send(room.host, knockOf(peer));
  }

  async function admit(room: Room, knockId: string) {
    const knock = room.knocks.get(knockId);
    if (!knock) return fail(room.host as Peer, errors.REMOTE_SUPPORT_NOT_ALLOWED);
    const admitted = await service.admit(room.row, { name: knock.name, address: knock.address });
    if (!admitted) return fail(room.host as Peer, errors.REMOTE_SUPPORT_SESSION_CLOSED);
    room.row = admitted;
    room.knocks.delete(knockId);
    room.client = knock;
    if (room.expiry) clearTimeout(room.expiry);
    for (const [id, waiting] of room.knocks) {
      room.knocks.delete(id);
      send(waiting, { type: 'rejected' });
      waiting.socket.close(1000);
    }
    await record(room, 'host', 'client.admitted', { knockId, name: knock.name, address: knock.address });
    welcome(room, knock);
    both(room, { type: 'admitted', session: service.viewOf(room.row) });
    await askConsent(room);
  }

  async function askConsent(room: Room) {
    room.consent = 'asked';
    const sharing = sharingSide(room.row.mode);
    await record(room, 'server', 'consent.asked', { mode: room.row.mode, sharing });
    both(room, { type: 'consent-asked', mode: room.row.mode, sharing });
  }

  /** Frames of the host before anybody is admitted, and of a client who is not (yet). */
  async function beforeAdmission(peer: Peer, frame: ClientMessage) {
    const room = peer.room;
    if (peer.side === 'client' && frame.type === 'join' && !peer.room)
      return join(peer, frame.number, frame.name);
    if (peer.side === 'host' && room?.host === peer) {
      if (frame.type === 'admit') return admit(room, frame.knockId);
      if (frame.type === 'reject') {
        const knock = room.knocks.get(frame.knockId);
        if (!knock) return fail(peer, errors.REMOTE_SUPPORT_NOT_ALLOWED);
        room.knocks.delete(frame.knockId);
        await record(room, 'host', 'client.rejected', { knockId: frame.knockId, name: knock.name });
        send(knock, { type: 'rejected' });
        return knock.socket.close(1000);
      }
      if (frame.type === 'end') return finish(room, 'host', 'ended');
    }
    fail(peer, errors.REMOTE_SUPPORT_NOT_ALLOWED);
  }

  async function handle(peer: Peer, frame: ClientMessage) {
    const room = peer.room;
    const inSession = room && room.row.state === 'active' && peerOf(room, peer.side) === peer;
    if (!inSession) return beforeAdmission(peer, frame);
    const sharer = sharingSide(room.row.mode);
    const to = peerOf(room, other(peer.side));
    const refuse = () => fail(peer, errors.REMOTE_SUPPORT_NOT_ALLOWED);
    switch (frame.type) {
      case 'consent':
        if (peer.side !== sharer || room.consent !== 'asked') return refuse();
        if (!frame.granted) {
          await record(room, peer.side, 'consent.refused', { mode: room.row.mode });
          both(room, { type: 'consent', granted: false, mode: room.row.mode });
          return finish(room, peer.side, 'consent_refused');
        }
        room.consent = 'given';
        await record(room, peer.side, 'consent.given', { mode: room.row.mode });
        return both(room, { type: 'consent', granted: true, mode: room.row.mode });
      case 'signal': {
        const picture = frame.description && sendsVideo(frame.description.sdp);
        if (picture && (peer.side !== sharer || room.consent !== 'given')) {
          return fail(peer, errors.REMOTE_SUPPORT_CONSENT_REQUIRED);
        }
        return send(to, { ...frame, from: peer.side });
      }
      case 'chat': {
        const at = clock.now().toISOString();
        await record(room, peer.side, 'chat', { name: peer.name, text: frame.text });
        return both(room, { type: 'chat', from: peer.side, name: peer.name, text: frame.text, at });
      }
      case 'pointer':
        if (peer.side === sharer || room.consent !== 'given') return refuse();
        return send(to, { type: 'pointer', x: frame.x, y: frame.y });
      case 'switch-mode':
        if (frame.mode === room.row.mode) return refuse();
        // The old sharing side stops with the switch; its own report would come too late to count.
        if (room.sharing)
          await record(room, sharer, 'share.stopped', { surface: null, reason: 'mode_switched' });
        room.sharing = false;
        await service.switchMode(room.row, frame.mode);
        await record(room, peer.side, 'mode.switched', { from: room.row.mode, to: frame.mode });
        room.row = { ...room.row, mode: frame.mode };
        both(room, { type: 'mode', mode: frame.mode, by: peer.side });
        return askConsent(room);
      case 'share':
        if (peer.side !== sharer || room.consent !== 'given') {
          return fail(peer, errors.REMOTE_SUPPORT_CONSENT_REQUIRED);
        }
        await record(room, peer.side, `share.${frame.state}`, { surface: frame.surface ?? null });
        room.sharing = frame.state !== 'stopped';
        return send(to, { type: 'share', state: frame.state, surface: frame.surface });
      case 'file': {
        const step = fileStep(room.transfers, peer.side, frame, settings.maxFileBytes);
        if ('error' in step) return fail(peer, step.error, step.params);
        return record(room, peer.side, step.kind, step.details);
      }
      case 'end':
        return finish(room, peer.side, 'ended');
      default:
        return refuse();
    }
  }

  return {
    /** The host's socket for a session of theirs (checked by the route); a second one replaces the first. */
    hostConnected(socket: WebSocket, row: SessionRow, address: string, t: Translate) {
      const room = roomOf(row);
      const previous = room.host;
      const peer = attach(socket, { address, t, side: 'host', name: row.hostName, room });
      room.host = peer;
      if (previous) previous.socket.close(4000);
      welcome(room, peer);
      for (const knock of room.knocks.values()) send(peer, knockOf(knock));
      if (room.row.state === 'active') send(peer, { type: 'admitted', session: service.viewOf(room.row) });
    },

    /** A client's socket: it may only say `join` until the host admits it. */
    clientConnected(socket: WebSocket, address: string, t: Translate) {
      attach(socket, { address, t, side: 'client', name: '', room: null });
    },

    /** Ends every running session (the server is stopping). */
    async close() {
      await Promise.all([...rooms.values()].map((room) => finish(room, 'server', 'server_stopped')));
    },

    openRooms: () => rooms.size,
  };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type RemoteSupportHub = ReturnType<typeof createRemoteSupportHub>;
