import { Type } from 'typebox';
import { id } from '../auth/auth.schemas.ts';
import { supportModes } from './remote-support.protocol.ts';

export const startBody = Type.Object({ mode: Type.Enum([...supportModes]) }, { additionalProperties: false });

export const sessionView = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'Six digits; shown in groups of three, "311 894"' }),
  mode: Type.Enum([...supportModes]),
  state: Type.Enum(['open', 'active', 'ended', 'expired']),
  hostName: Type.String(),
  clientName: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.String({ format: 'date-time', description: 'The number is void after this, unused' }),
});

export const startedSession = Type.Object({
  ...sessionView.properties,
  link: Type.String({ description: 'The page the client opens, with the number filled in' }),
});

export const sessionList = Type.Object({ items: Type.Array(sessionView) });

const logEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  actor: Type.Enum(['host', 'client', 'server']),
  kind: Type.String(),
  details: Type.Record(
    Type.String(),
    Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
  ),
});

export const sessionLog = Type.Object({ session: sessionView, log: Type.Array(logEntry) });

const iceServer = Type.Object({
  urls: Type.Array(Type.String()),
  username: Type.Optional(Type.String()),
  credential: Type.Optional(Type.String()),
});

export const connectivity = Type.Object({
  iceServers: Type.Array(iceServer),
  turnConfigured: Type.Boolean(),
  relayOnly: Type.Boolean(),
  probeUrl: Type.String(),
  probeBytes: Type.Integer(),
});

export const accountParams = Type.Object({ accountId: id });
export const sessionParams = Type.Object({ sessionId: id });
export const accountSessionParams = Type.Object({ accountId: id, sessionId: id });
export const clientSocketQuery = Type.Object(
  { lang: Type.Optional(Type.Enum(['de', 'en', 'hu'])) },
  { additionalProperties: false },
);
