// R1–R6: the signalling protocol of a remote-support session, one JSON object per WebSocket text frame.
// The server checks every frame against these schemas and against the session's state (who may say what,
// when), relays what the peers need, and writes the log. The web app imports the types.
import { type Static, Type } from 'typebox';

export const supportModes = ['support', 'show'] as const;
export type SupportMode = (typeof supportModes)[number];
export type Side = 'host' | 'client';

/** Support: the host sees the client's screen. Show: the client sees the host's. */
export const sharingSide = (mode: SupportMode): Side => (mode === 'support' ? 'client' : 'host');

const mode = Type.Enum([...supportModes]);
const text = (maxLength: number) =>
  Type.String({
    minLength: 1,
    maxLength,
    pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$',
  });
const transferId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
const sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const fraction = Type.Number({ minimum: 0, maximum: 1 });

/** An SDP offer or answer, or an ICE candidate (null: gathering is complete), relayed to the peer as is. */
const signal = Type.Object(
  {
    type: Type.Literal('signal'),
    description: Type.Optional(
      Type.Object(
        { type: Type.Enum(['offer', 'answer', 'rollback']), sdp: Type.String({ maxLength: 48_000 }) },
        { additionalProperties: false },
      ),
    ),
    candidate: Type.Optional(
      Type.Union([
        Type.Null(),
        Type.Object(
          {
            candidate: Type.String({ maxLength: 1_000 }),
            sdpMid: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
            sdpMLineIndex: Type.Optional(
              Type.Union([Type.Integer({ minimum: 0, maximum: 64 }), Type.Null()]),
            ),
            usernameFragment: Type.Optional(Type.Union([Type.String({ maxLength: 256 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
      ]),
    ),
  },
  { additionalProperties: false },
);

/** What a browser may send. `join` is the client's first and only frame until it is admitted. */
export const clientMessage = Type.Union([
  Type.Object(
    { type: Type.Literal('join'), number: Type.String({ minLength: 6, maxLength: 12 }), name: text(100) },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Enum(['admit', 'reject']), knockId: transferId }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('consent'), granted: Type.Boolean() }, { additionalProperties: false }),
  signal,
  Type.Object({ type: Type.Literal('chat'), text: text(2_000) }, { additionalProperties: false }),
  /** Where the viewer points on the shared picture, as fractions of its width and height. */
  Type.Object({ type: Type.Literal('pointer'), x: fraction, y: fraction }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('switch-mode'), mode }, { additionalProperties: false }),
  /** The sharing side: sharing began (after the browser's picker), stopped, paused or resumed. */
  Type.Object(
    {
      type: Type.Literal('share'),
      state: Type.Enum(['started', 'stopped', 'paused', 'resumed']),
      /** What the browser says is shared: 'monitor', 'window' or 'browser' (a tab). */
      surface: Type.Optional(Type.Enum(['monitor', 'window', 'browser', 'application'])),
    },
    { additionalProperties: false },
  ),
  /** A file transfer's steps, reported by both sides; the server logs them (R6). */
  Type.Object(
    {
      type: Type.Literal('file'),
      transferId,
      event: Type.Enum(['offered', 'received', 'completed', 'cancelled', 'failed']),
      name: text(255),
      size: Type.Integer({ minimum: 0 }),
      sha256: Type.Optional(sha256),
      reason: Type.Optional(text(200)),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('end') }, { additionalProperties: false }),
]);
export type ClientMessage = Static<typeof clientMessage>;

export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

/** One line of a session's log, as the server wrote it. */
export interface LogEntry {
  at: string;
  /** Who caused it; 'server' for expiry, rate limits and ends the server decided. */
  actor: Side | 'server';
  kind: LogKind;
  details: Record<string, string | number | boolean | null>;
}

export type LogKind =
  | 'session.started'
  | 'client.knocked'
  | 'client.admitted'
  | 'client.rejected'
  | 'consent.asked'
  | 'consent.given'
  | 'consent.refused'
  | 'share.started'
  | 'share.stopped'
  | 'share.paused'
  | 'share.resumed'
  | 'mode.switched'
  | 'file.offered'
  | 'file.received'
  | 'file.completed'
  | 'file.cancelled'
  | 'file.failed'
  | 'chat'
  | 'session.ended';

export interface SessionView {
  id: string;
  /** Six digits; shown as "311 894". */
  number: string;
  mode: SupportMode;
  state: 'open' | 'active' | 'ended' | 'expired';
  hostName: string;
  clientName: string | null;
  expiresAt: string;
}

/** What the server sends. */
export type ServerMessage =
  | {
      type: 'welcome';
      side: Side;
      session: SessionView;
      iceServers: IceServer[];
      /** Only relayed candidates (TURN), by the operator's choice. */
      relayOnly: boolean;
      /** Whether a TURN relay is configured; without one a session needs a direct path. */
      turnConfigured: boolean;
      maxFileBytes: number;
    }
  /** To the client after `join`: the host has been asked. */
  | { type: 'waiting' }
  /** To the host: someone wants to join; `address` is their IP address. */
  | { type: 'knock'; knockId: string; name: string; address: string; at: string }
  | { type: 'knock-withdrawn'; knockId: string }
  /** To both once the host admitted the client: the session runs in `mode`. */
  | { type: 'admitted'; session: SessionView }
  | { type: 'rejected' }
  /** To the sharing side: Kontor's own dialog asks whether to share. To the viewer: waiting for that answer. */
  | { type: 'consent-asked'; mode: SupportMode; sharing: Side }
  | { type: 'consent'; granted: boolean; mode: SupportMode }
  | (Static<typeof signal> & { from: Side })
  | { type: 'chat'; from: Side; name: string; text: string; at: string }
  | { type: 'pointer'; x: number; y: number }
  | { type: 'mode'; mode: SupportMode; by: Side }
  | { type: 'share'; state: 'started' | 'stopped' | 'paused' | 'resumed'; surface?: string }
  | { type: 'log'; entry: LogEntry }
  | { type: 'error'; code: string; message: string }
  /** The last frame: the log as the server wrote it, for either side to save or discard. */
  | { type: 'ended'; by: Side | 'server'; reason: string; log: LogEntry[] };

/** 64 KiB per frame: an SDP is a few kilobytes; files never go through the server. */
export const maxFrameBytes = 64 * 1024;
