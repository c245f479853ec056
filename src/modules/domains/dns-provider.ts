// D2: the port through which Kontor applies a domain's DNS. The service hands over the whole zone after
// each committed change (the database stays the source of truth); an adapter makes the name servers serve
// it. docs/domains.md says where a real DNS API (PowerDNS's HTTP API, for instance) plugs in.
import type { DnsConfig } from '../../config.ts';
import type { Zone } from './zone-file.ts';

export interface DnsProvider {
  /** A name for logs and the docs ("recording"). */
  readonly name: string;
  /** Makes the name servers serve exactly `zone` (replacing what they served for its name). */
  applyZone(zone: Zone): Promise<void>;
  /** The domain left the account: its zone is served no more. */
  removeZone(zoneName: string): Promise<void>;
}

/**
 * Records the zone, changes no DNS anywhere: the built-in adapter, for installations whose name servers
 * are kept by other means and for tests. It keeps the last applied zone of each domain in memory.
 */
export class RecordingDnsProvider implements DnsProvider {
  readonly name = 'recording';
  readonly applied = new Map<string, Zone>();
  readonly removed: string[] = [];

  async applyZone(zone: Zone): Promise<void> {
    this.applied.set(zone.name, structuredClone(zone));
  }

  async removeZone(zoneName: string): Promise<void> {
    this.applied.delete(zoneName);
    this.removed.push(zoneName);
  }
}

/** The adapter DNS_PROVIDER names. */
export function createDnsProvider(config: DnsConfig): DnsProvider {
  switch (config.provider) {
    case 'recording':
      return new RecordingDnsProvider();
  }
}
