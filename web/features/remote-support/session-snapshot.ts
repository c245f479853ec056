// What one side of a remote-support session shows, as one immutable snapshot (remote-session.ts keeps it).
import type {
  LogEntry,
  SessionView,
  Side,
  SupportMode,
} from '../../../src/modules/remote-support/remote-support.protocol.ts';
import type { IceProblem } from './peer.ts';

export type Phase =
  | 'connecting'
  /** Client: `join` sent, no answer yet. */
  | 'joining'
  /** Client: the host has been asked. */
  | 'waiting'
  /** Host: the number is out, nobody admitted yet. */
  | 'open'
  | 'active'
  | 'ended'
  | 'rejected'
  /** Client: the number was refused (wrong, expired, too many attempts). */
  | 'refused'
  /** The socket closed before the session ended. */
  | 'lost';

export type ShareState = 'started' | 'stopped' | 'paused' | 'resumed';
export type Surface = 'monitor' | 'window' | 'browser' | 'application';
export const surfaces: readonly string[] = ['monitor', 'window', 'browser', 'application'];

export interface Knock {
  knockId: string;
  name: string;
  address: string;
  at: string;
}

export interface ChatLine {
  from: Side;
  name: string;
  text: string;
  at: string;
}

export interface Snapshot {
  side: Side;
  phase: Phase;
  session: SessionView | null;
  relayOnly: boolean;
  turnConfigured: boolean;
  maxFileBytes: number;
  knocks: Knock[];
  /** The current mode's question to the sharing side, and what became of it. */
  consent: { mode: SupportMode; sharing: Side; state: 'asked' | 'answered' | 'granted' | 'refused' } | null;
  /** What this side shares (the sharing side only). */
  localShare: { stream: MediaStream; surface: Surface | null; paused: boolean } | null;
  /** The browser's picker was closed without choosing. */
  pickerCancelled: boolean;
  /** What the other side says about its share (the viewer). */
  remoteShare: { state: ShareState; surface: string | null } | null;
  remoteStream: MediaStream | null;
  /** Where the viewer points, as fractions of the picture; `seq` tells a repeated point from the last. */
  pointer: { x: number; y: number; seq: number } | null;
  chat: ChatLine[];
  log: LogEntry[];
  ice: 'idle' | 'connecting' | 'connected' | IceProblem;
  error: { code: string; message: string; seq: number } | null;
  ended: { by: Side | 'server'; reason: string; log: LogEntry[] } | null;
}

/** Before the socket has said anything. */
export const initialSnapshot = (side: Side): Snapshot => ({
  side,
  phase: 'connecting',
  session: null,
  relayOnly: false,
  turnConfigured: false,
  maxFileBytes: 0,
  knocks: [],
  consent: null,
  localShare: null,
  pickerCancelled: false,
  remoteShare: null,
  remoteStream: null,
  pointer: null,
  chat: [],
  log: [],
  ice: 'idle',
  error: null,
  ended: null,
});
