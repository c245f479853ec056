// Where the browsers find a path to each other: STUN for their public addresses, TURN (coturn) to relay
// when no direct path exists. TURN credentials follow the TURN REST API scheme coturn checks with
// `use-auth-secret`: the user name is "<expiry in Unix seconds>:<label>", the password
// base64(HMAC-SHA1(static-auth-secret, user name)); so they are short-lived and Kontor stores nothing.
import { createHmac } from 'node:crypto';
import type { RemoteSupportConfig } from '../../config.ts';
import type { IceServer } from './remote-support.protocol.ts';

export function turnCredential(secret: string, label: string, expiresAt: Date) {
  const username = `${Math.floor(expiresAt.getTime() / 1000)}:${label}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

export function iceServersFor(config: RemoteSupportConfig, label: string, expiresAt: Date): IceServer[] {
  const servers: IceServer[] = [];
  if (config.stunUrls.length > 0) servers.push({ urls: config.stunUrls });
  if (config.turnUrls.length > 0 && config.turnSecret) {
    servers.push({ urls: config.turnUrls, ...turnCredential(config.turnSecret, label, expiresAt) });
  }
  return servers;
}

export const turnConfigured = (config: RemoteSupportConfig) =>
  config.turnUrls.length > 0 && config.turnSecret !== null;
