// The remote-support REST calls. A host acts either as an operator or in a customer account, so every call
// takes the area it is made from; both answer the same shapes.
import { useQuery } from '@tanstack/react-query';
import type {
  IceServer,
  SessionView,
  SupportMode,
} from '../../../src/modules/remote-support/remote-support.protocol.ts';
import { client } from '../../api/client.ts';
import { currentLocale } from '../../i18n/i18n.ts';

export type HostArea = { kind: 'operator' } | { kind: 'account'; accountId: string };

export type CreatedSession = SessionView & { link: string };

export interface Connectivity {
  iceServers: IceServer[];
  turnConfigured: boolean;
  relayOnly: boolean;
  probeUrl: string;
  probeBytes: number;
}

const accountPath = (area: HostArea) => ({
  path: { accountId: area.kind === 'account' ? area.accountId : '' },
});

export async function createSession(area: HostArea, mode: SupportMode): Promise<CreatedSession> {
  const { data } =
    area.kind === 'operator'
      ? await client.POST('/api/v1/operator/remote-support/sessions', { body: { mode } })
      : await client.POST('/api/v1/accounts/{accountId}/remote-support/sessions', {
          params: accountPath(area),
          body: { mode },
        });
  if (!data) throw new Error('The session was not created');
  return data;
}

export const sessionsKey = (area: HostArea) =>
  ['remote-support', area.kind === 'account' ? area.accountId : 'operator', 'sessions'] as const;

/** The host's recent sessions, newest first. */
export function useRecentSessions(area: HostArea) {
  return useQuery({
    queryKey: sessionsKey(area),
    // A session just ended elsewhere shows on the way back.
    staleTime: 0,
    queryFn: async (): Promise<SessionView[]> => {
      const { data } =
        area.kind === 'operator'
          ? await client.GET('/api/v1/operator/remote-support/sessions')
          : await client.GET('/api/v1/accounts/{accountId}/remote-support/sessions', {
              params: accountPath(area),
            });
      return data?.items ?? [];
    },
  });
}

export async function fetchSessionLog(area: HostArea, sessionId: string) {
  const { data } =
    area.kind === 'operator'
      ? await client.GET('/api/v1/operator/remote-support/sessions/{sessionId}/log', {
          params: { path: { sessionId } },
        })
      : await client.GET('/api/v1/accounts/{accountId}/remote-support/sessions/{sessionId}/log', {
          params: { path: { ...accountPath(area).path, sessionId } },
        });
  if (!data) throw new Error('The log was not found');
  return data;
}

export async function fetchConnectivity(): Promise<Connectivity> {
  const { data } = await client.GET('/api/v1/remote-support/connectivity');
  if (!data) throw new Error('No connectivity settings');
  return data;
}

const socketUrl = (path: string) =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${path}`;

/** The host's socket of one session; the session cookie signs it in (the server checks the Origin). */
export function hostSocketUrl(area: HostArea, sessionId: string): string {
  const prefix =
    area.kind === 'operator' ? '/api/v1/operator' : `/api/v1/accounts/${encodeURIComponent(area.accountId)}`;
  return socketUrl(`${prefix}/remote-support/sessions/${encodeURIComponent(sessionId)}/socket`);
}

/** The client's socket; `lang` chooses the language of the server's error messages. */
export function clientSocketUrl(): string {
  return socketUrl(`/api/v1/remote-support/socket?lang=${currentLocale()}`);
}

/** "311894" as it is read out on the phone: "311 894". */
export function groupedNumber(number: string): string {
  return number.replace(/\D/g, '').replace(/(\d{3})(?=\d)/g, '$1 ');
}
