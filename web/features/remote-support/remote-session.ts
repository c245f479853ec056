// One side of a live remote-support session: the signalling socket, the peer connection, the shared
// picture and the files, kept as one immutable snapshot that the pages render (useSyncExternalStore).
import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  type ClientMessage,
  type IceServer,
  type ServerMessage,
  type Side,
  sharingSide,
} from '../../../src/modules/remote-support/remote-support.protocol.ts';
import { PeerLink } from './peer.ts';
import { initialSnapshot, type Snapshot, type Surface, surfaces } from './session-snapshot.ts';
import { Signalling } from './signalling.ts';
import { isTransferChannel, Transfers } from './transfers.ts';

export type { ChatLine, Knock, Snapshot } from './session-snapshot.ts';

/** At most 10 pointer positions a second: the server allows 20 frames a second in all and ends a session above. */
const pointerIntervalMs = 100;

export class RemoteSession {
  private snapshot: Snapshot;
  private readonly listeners = new Set<() => void>();
  private readonly socket: Signalling;
  private peer: PeerLink | null = null;
  private iceServers: IceServer[] = [];
  private sender: RTCRtpSender | null = null;
  /** The picture chosen in the picker, until the server has confirmed the consent. */
  private chosen: MediaStream | null = null;
  readonly transfers: Transfers;
  private pointerTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingPoint: { x: number; y: number } | null = null;
  private sequence = 0;

  private constructor(side: Side, url: string, join?: { number: string; name: string }) {
    this.snapshot = initialSnapshot(side);
    this.transfers = new Transfers({
      report: (frame) => this.send(frame),
      maxFileBytes: () => this.snapshot.maxFileBytes,
    });
    this.socket = new Signalling(url, {
      open: () => {
        if (!join) return;
        this.send({ type: 'join', number: join.number, name: join.name });
        this.set({ phase: 'joining' });
      },
      message: (message) => this.handle(message),
      closed: (clean) => {
        const { phase } = this.snapshot;
        if (!clean && !['ended', 'rejected', 'refused'].includes(phase)) this.set({ phase: 'lost' });
        this.stopPeer();
      },
    });
  }

  static host(url: string): RemoteSession {
    return new RemoteSession('host', url);
  }

  static client(url: string, join: { number: string; name: string }): RemoteSession {
    return new RemoteSession('client', url, join);
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = () => this.snapshot;

  private set(changes: Partial<Snapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    for (const listener of this.listeners) listener();
  }

  private send(message: ClientMessage): void {
    this.socket.send(message);
  }

  private get isSharing(): boolean {
    const mode = this.snapshot.session?.mode;
    return mode !== undefined && sharingSide(mode) === this.snapshot.side;
  }

  private handle(message: ServerMessage) {
    const { snapshot } = this;
    switch (message.type) {
      case 'welcome':
        this.iceServers = message.iceServers;
        this.set({
          session: message.session,
          relayOnly: message.relayOnly,
          turnConfigured: message.turnConfigured,
          maxFileBytes: message.maxFileBytes,
          phase: message.side === 'host' ? 'open' : snapshot.phase,
        });
        return;
      case 'waiting':
        return this.set({ phase: 'waiting' });
      case 'knock':
        return this.set({
          knocks: [...snapshot.knocks.filter((knock) => knock.knockId !== message.knockId), message],
        });
      case 'knock-withdrawn':
        return this.set({ knocks: snapshot.knocks.filter((knock) => knock.knockId !== message.knockId) });
      case 'admitted':
        this.set({ session: message.session, phase: 'active', knocks: [] });
        this.startPeer();
        return;
      case 'rejected':
        return this.set({ phase: 'rejected' });
      case 'consent-asked':
        return this.set({
          consent: { mode: message.mode, sharing: message.sharing, state: 'asked' },
          pickerCancelled: false,
        });
      case 'consent':
        this.set({
          consent: snapshot.consent && {
            ...snapshot.consent,
            state: message.granted ? 'granted' : 'refused',
          },
        });
        this.shareIfReady();
        return;
      case 'signal':
        this.startPeer();
        void this.peer?.receive(message);
        return;
      case 'chat':
        return this.set({ chat: [...snapshot.chat, message] });
      case 'pointer':
        this.sequence += 1;
        return this.set({ pointer: { x: message.x, y: message.y, seq: this.sequence } });
      case 'mode':
        this.set({
          session: snapshot.session && { ...snapshot.session, mode: message.mode },
          consent: null,
          remoteShare: null,
          remoteStream: sharingSide(message.mode) === snapshot.side ? null : snapshot.remoteStream,
          pointer: null,
        });
        // The old sharing side stops its picture; the new one is asked first (consent-asked).
        if (!this.isSharing) this.stopShare();
        return;
      case 'share':
        return this.set({ remoteShare: { state: message.state, surface: message.surface ?? null } });
      case 'log':
        return this.set({ log: [...snapshot.log, message.entry] });
      case 'error':
        this.sequence += 1;
        if (snapshot.phase === 'joining' || snapshot.phase === 'connecting') {
          this.set({ phase: 'refused', error: { ...message, seq: this.sequence } });
        } else this.set({ error: { code: message.code, message: message.message, seq: this.sequence } });
        return;
      case 'ended':
        this.stopShare(false);
        this.transfers.stopAll();
        this.set({ phase: 'ended', ended: message, log: message.log, knocks: [] });
        this.stopPeer();
        return;
    }
  }

  private startPeer(): void {
    if (this.peer || this.snapshot.phase !== 'active') return;
    const host = this.snapshot.side === 'host';
    this.peer = new PeerLink(
      { iceServers: this.iceServers, relayOnly: this.snapshot.relayOnly, polite: !host },
      {
        signal: (frame) => this.send(frame),
        remoteStream: (remoteStream) => this.set({ remoteStream }),
        dataChannel: (channel) => {
          if (isTransferChannel(channel)) this.transfers.receive(channel);
        },
        connected: () => this.set({ ice: 'connected' }),
        problem: (ice) => this.set({ ice }),
      },
    );
    this.set({ ice: 'connecting' });
    // The host opens a channel at once, so ICE connects before anything is shared or sent.
    if (host) this.peer.connection.createDataChannel('control', { ordered: true });
  }

  private stopPeer(): void {
    this.peer?.close();
    this.peer = null;
  }

  // ——— what the person does ———

  admit(knockId: string): void {
    this.send({ type: 'admit', knockId });
  }

  reject(knockId: string): void {
    this.send({ type: 'reject', knockId });
    this.set({ knocks: this.snapshot.knocks.filter((knock) => knock.knockId !== knockId) });
  }

  /** The sharing side's answer in Kontor's dialog; yes opens the browser's picker at once (it needs the click). */
  answerConsent(granted: boolean): void {
    const { consent } = this.snapshot;
    if (consent?.state !== 'asked') return;
    this.send({ type: 'consent', granted });
    this.set({ consent: { ...consent, state: 'answered' } });
    if (granted) void this.pickScreen();
  }

  /** The browser's picker (a window, a tab or the whole screen); the track is added once consent is confirmed. */
  async pickScreen(): Promise<void> {
    this.set({ pickerCancelled: false });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    } catch {
      this.send({ type: 'share', state: 'stopped' });
      this.set({ pickerCancelled: true });
      return;
    }
    if (this.snapshot.phase !== 'active' || !this.isSharing) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    this.chosen = stream;
    this.shareIfReady();
  }

  /** The server must have the yes before it sees a picture (it refuses one sent earlier). */
  private shareIfReady(): void {
    const stream = this.chosen;
    const track = stream?.getVideoTracks()[0];
    if (!stream || !track || !this.peer || this.snapshot.consent?.state !== 'granted' || !this.isSharing)
      return;
    this.chosen = null;
    // The browser's own "stop sharing" ends the track.
    track.addEventListener('ended', () => this.stopShare());
    this.sender = this.peer.addShare(track, stream);
    const reported = track.getSettings().displaySurface;
    const surface = reported && surfaces.includes(reported) ? (reported as Surface) : null;
    this.send({ type: 'share', state: 'started', ...(surface ? { surface } : {}) });
    this.set({ localShare: { stream, surface, paused: false } });
  }

  stopShare(tell = true): void {
    const share = this.snapshot.localShare;
    for (const track of this.chosen?.getTracks() ?? []) track.stop();
    this.chosen = null;
    if (!share) return;
    for (const track of share.stream.getTracks()) track.stop();
    if (this.sender) this.peer?.removeShare(this.sender);
    this.sender = null;
    if (tell) this.send({ type: 'share', state: 'stopped' });
    this.set({ localShare: null });
  }

  setPaused(paused: boolean): void {
    const share = this.snapshot.localShare;
    if (!share || share.paused === paused) return;
    for (const track of share.stream.getVideoTracks()) track.enabled = !paused;
    this.send({ type: 'share', state: paused ? 'paused' : 'resumed' });
    this.set({ localShare: { ...share, paused } });
  }

  chat(text: string): void {
    this.send({ type: 'chat', text });
  }

  /** The viewer points at the picture; positions come at most every 50 ms, the last one always. */
  point(x: number, y: number): void {
    this.pendingPoint = { x: Math.min(1, Math.max(0, x)), y: Math.min(1, Math.max(0, y)) };
    if (this.pointerTimer) return;
    const flush = () => {
      if (!this.pendingPoint) {
        this.pointerTimer = null;
        return;
      }
      this.send({ type: 'pointer', ...this.pendingPoint });
      this.pendingPoint = null;
      this.pointerTimer = setTimeout(flush, pointerIntervalMs);
    };
    flush();
  }

  switchMode(): void {
    const mode = this.snapshot.session?.mode;
    if (mode) this.send({ type: 'switch-mode', mode: mode === 'support' ? 'show' : 'support' });
  }

  end(): void {
    this.send({ type: 'end' });
  }

  sendFile(file: File): void {
    if (this.peer) this.transfers.send(file, this.peer.connection);
  }

  cancelTransfer(id: string): void {
    this.transfers.cancel(id);
  }

  /** The page is left: everything stops (the server ends a session whose side went away). */
  close(): void {
    this.stopShare(false);
    this.transfers.dispose();
    if (this.pointerTimer) clearTimeout(this.pointerTimer);
    this.stopPeer();
    this.socket.close();
  }
}

/** The session `open` starts (null: none yet), closed when the component goes or `open` changes. */
export function useRemoteSession(open: (() => RemoteSession) | null) {
  const [session, setSession] = useState<RemoteSession | null>(null);
  useEffect(() => {
    if (!open) return;
    const started = open();
    setSession(started);
    return () => {
      started.close();
      setSession(null);
    };
  }, [open]);
  const snapshot = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.getSnapshot ?? nothing,
  );
  return { session, snapshot };
}

const noSubscription = () => () => undefined;
const nothing = () => null;
