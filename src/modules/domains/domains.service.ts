// D2: an account's domains, each registered for one of its domain contacts, with an optional redirect and
// the DNS records of its zone. Every change is checked whole before anything is written, written in one
// transaction with its audit entry and its domain e-mail, and then the zone goes to the DNS provider.
import { domainToUnicode } from 'node:url';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { DnsRecord, Domain } from '../../db/schema.ts';
import { AppError, type ErrorDetail } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { Notifications } from '../contacts/index.ts';
import { absoluteName, normalizeDomainName } from './dns-names.ts';
import type { DnsProvider } from './dns-provider.ts';
import {
  checkedRecord,
  type DnsRecordFields,
  type DnsRecordInput,
  ttlBounds,
  txtTotalBytes,
} from './dns-records.ts';
import { domainErrors } from './domains.errors.ts';
import { type DomainChange, domainNotice } from './domains.notifications.ts';
import { createDomainsRepository, type DomainSettings } from './domains.repository.ts';
import { checkedRedirect, type RedirectKind } from './redirects.ts';
import { type Zone, zoneFile } from './zone-file.ts';

export interface DomainSettingsInput {
  registrantId: string;
  redirectKind?: RedirectKind | null;
  redirectTarget?: string | null;
}

export interface DomainContext {
  accountId: string;
  actor: AuditActor;
}

/** Records a zone may hold: far more than a customer's zone needs, few enough for one page and one file. */
export const maxRecordsPerZone = 500;

const invalid = (details: ErrorDetail[]) => new AppError('VALIDATION_FAILED', { details });

/** The next SOA serial: today's YYYYMMDD00, or one more than the last if that is already today or later. */
export function nextSerial(previous: number, now: Date): number {
  const today = Number(now.toISOString().slice(0, 10).replaceAll('-', '')) * 100;
  return Math.max(previous + 1, today);
}

export function createDomainsService({
  db,
  clock,
  config,
  audit,
  notifications,
  dns,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  audit: AuditService;
  notifications: Notifications;
  dns: DnsProvider;
}) {
  const repository = createDomainsRepository();
  type Found = NonNullable<Awaited<ReturnType<typeof repository.findInAccount>>>;

  const registrantName = (row: Found) =>
    row.registrantOrganisation ?? `${row.registrantFirstName} ${row.registrantLastName}`;
  const viewDomain = (row: Found) => ({
    id: row.id,
    name: row.name,
    displayName: domainToUnicode(row.name) || row.name,
    registrant: { id: row.registrantId, name: registrantName(row) },
    redirectKind: row.redirectKind,
    redirectTarget: row.redirectTarget,
    zoneSerial: row.zoneSerial,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
  const viewRecord = (zone: string) => (record: DnsRecord) => ({
    id: record.id,
    name: record.name,
    fqdn: absoluteName(record.name, zone),
    type: record.type,
    ttl: record.ttl,
    value: record.value,
    priority: record.priority,
    weight: record.weight,
    port: record.port,
    flags: record.flags,
    tag: record.tag as 'issue' | 'issuewild' | 'iodef' | null,
  });

  async function findOwn(executor: Db, accountId: string, id: string) {
    const domain = await repository.findInAccount(executor, accountId, id);
    if (!domain) throw new AppError('NOT_FOUND');
    return domain;
  }

  /** The settings to store, or every field's refusal. */
  async function checkedSettings(
    executor: Db,
    accountId: string,
    input: DomainSettingsInput,
    details: ErrorDetail[],
  ) {
    if (!(await repository.registrantInAccount(executor, accountId, input.registrantId))) {
      details.push({ field: 'registrantId', code: domainErrors.DOMAIN_REGISTRANT_UNKNOWN });
    }
    const kind = input.redirectKind ?? null;
    const settings: DomainSettings = {
      registrantId: input.registrantId,
      redirectKind: null,
      redirectTarget: null,
    };
    if (kind) {
      const checked = checkedRedirect(kind, input.redirectTarget ?? '');
      if ('refused' in checked) details.push({ field: 'redirectTarget', code: checked.refused });
      else Object.assign(settings, { redirectKind: kind, redirectTarget: checked.target });
    }
    return settings;
  }

  async function zoneOf(executor: Db, domain: Pick<Domain, 'id' | 'name' | 'zoneSerial'>): Promise<Zone> {
    const records = await repository.records(executor, domain.id);
    return {
      name: domain.name,
      serial: domain.zoneSerial,
      defaultTtl: ttlBounds.default,
      primaryNameServer: config.dns.primaryNameServer,
      hostmaster: `hostmaster@${domain.name}`,
      records: records.map(
        ({ id: _id, domainId: _domain, createdAt: _c, updatedAt: _u, ...fields }) => fields,
      ),
    };
  }

  /** Audit entry and domain e-mail of one change, inside its transaction. */
  async function announce(
    executor: Db,
    context: DomainContext,
    domain: Found,
    change: DomainChange,
    details: Record<string, unknown>,
  ) {
    await audit.record(executor, {
      actor: context.actor,
      accountId: context.accountId,
      action: change.action,
      target: { type: 'domain', id: domain.id, name: { name: domain.name } },
      details,
    });
    await notifications.raise(
      executor,
      await domainNotice(executor, { config, domain, change, accountId: context.accountId }),
    );
  }

  /** After the commit: the provider serves what the database now holds. */
  async function apply(domainId: string, accountId: string) {
    const domain = await repository.findInAccount(db, accountId, domainId);
    if (domain) await dns.applyZone(await zoneOf(db, domain));
  }

  /** Checks a record against the zone's others: CNAME stands alone, no record twice, the zone not full. */
  function zoneConflicts(fields: DnsRecordFields, others: DnsRecord[]): ErrorDetail[] {
    const sameName = others.filter((other) => other.name === fields.name);
    if (fields.type === 'CNAME' ? sameName.length > 0 : sameName.some((other) => other.type === 'CNAME')) {
      return [{ field: 'name', code: domainErrors.DNS_RECORD_CNAME_CONFLICT }];
    }
    const same = (other: DnsRecord) =>
      (['type', 'value', 'priority', 'weight', 'port', 'flags', 'tag'] as const).every(
        (key) => other[key] === fields[key],
      );
    if (sameName.some(same)) return [{ field: 'value', code: domainErrors.DNS_RECORD_DUPLICATE }];
    if (others.length >= maxRecordsPerZone) return [{ field: 'name', code: domainErrors.DNS_ZONE_FULL }];
    return [];
  }

  /** Locks the domain (its serial is raised first), then runs `change` with the zone's records. */
  async function changeZone<T>(
    context: DomainContext,
    domainId: string,
    change: (executor: Db, domain: Found, records: DnsRecord[], at: string) => Promise<T>,
  ) {
    const result = await db.transaction().execute(async (executor) => {
      const domain = await findOwn(executor, context.accountId, domainId);
      const at = clock.now().toISOString();
      const serial = nextSerial(domain.zoneSerial, clock.now());
      await repository.touch(executor, domain.id, serial, at);
      const records = await repository.records(executor, domain.id);
      return change(executor, { ...domain, zoneSerial: serial, updatedAt: at }, records, at);
    });
    await apply(domainId, context.accountId);
    return result;
  }

  const recordLine = (fields: DnsRecordFields, zone: string) =>
    `${absoluteName(fields.name, zone)} ${fields.type} ${[
      fields.priority,
      fields.weight,
      fields.port,
      fields.flags,
      fields.tag,
    ]
      .filter((part) => part !== null)
      .join(' ')} ${fields.value.length > 120 ? `${fields.value.slice(0, 117)}…` : fields.value}`.replace(
      /\s+/g,
      ' ',
    );

  return {
    async list(accountId: string) {
      const rows = await repository.listForAccount(db, accountId);
      return {
        items: rows.map((row) => ({ ...viewDomain(row), recordCount: Number(row.recordCount ?? 0) })),
      };
    },

    async get(accountId: string, id: string) {
      const domain = await findOwn(db, accountId, id);
      const records = await repository.records(db, id);
      return {
        ...viewDomain(domain),
        records: records.map(viewRecord(domain.name)),
        limits: {
          ttlMin: ttlBounds.min,
          ttlMax: ttlBounds.max,
          ttlDefault: ttlBounds.default,
          txtBytes: txtTotalBytes,
        } as const,
      };
    },

    /** The zone as an RFC 1035 master file, and the name to save it under. */
    async exportZone(accountId: string, id: string) {
      const domain = await findOwn(db, accountId, id);
      return { filename: `${domain.name}.zone`, text: zoneFile(await zoneOf(db, domain), clock.now()) };
    },

    async create(context: DomainContext, input: DomainSettingsInput & { name: string }) {
      const created = await db.transaction().execute(async (executor) => {
        const details: ErrorDetail[] = [];
        const name = normalizeDomainName(input.name);
        if (!name) details.push({ field: 'name', code: domainErrors.DOMAIN_NAME_INVALID });
        else if (await repository.nameTaken(executor, context.accountId, name)) {
          details.push({ field: 'name', code: domainErrors.DOMAIN_EXISTS });
        }
        const settings = await checkedSettings(executor, context.accountId, input, details);
        if (details.length > 0 || !name) throw invalid(details);
        const at = clock.now().toISOString();
        const domain: Domain = {
          id: newId(),
          accountId: context.accountId,
          name,
          ...settings,
          zoneSerial: nextSerial(0, clock.now()),
          createdAt: at,
          updatedAt: at,
        };
        await repository.insert(executor, domain);
        const found = await findOwn(executor, context.accountId, domain.id);
        await announce(
          executor,
          context,
          found,
          { action: 'domain.added' },
          { registrantId: settings.registrantId, redirectKind: settings.redirectKind },
        );
        return found;
      });
      await apply(created.id, context.accountId);
      return { ...viewDomain(created), recordCount: 0 };
    },

    async updateSettings(context: DomainContext, id: string, input: DomainSettingsInput) {
      await changeZone(context, id, async (executor, domain) => {
        const details: ErrorDetail[] = [];
        const settings = await checkedSettings(executor, context.accountId, input, details);
        if (details.length > 0) throw invalid(details);
        const changed = (Object.keys(settings) as (keyof DomainSettings)[]).filter(
          (key) => settings[key] !== domain[key],
        );
        await repository.updateSettings(executor, domain.id, settings, domain.zoneSerial, domain.updatedAt);
        const after = await findOwn(executor, context.accountId, domain.id);
        if (changed.length > 0)
          await announce(executor, context, after, { action: 'domain.changed' }, { fields: changed });
      });
      return this.get(context.accountId, id);
    },

    async remove(context: DomainContext, id: string) {
      const name = await db.transaction().execute(async (executor) => {
        const domain = await findOwn(executor, context.accountId, id);
        await announce(executor, context, domain, { action: 'domain.removed' }, {});
        await repository.remove(executor, domain.id);
        return domain.name;
      });
      await dns.removeZone(name);
    },

    async addRecord(context: DomainContext, domainId: string, input: DnsRecordInput) {
      return changeZone(context, domainId, async (executor, domain, records, at) => {
        const checked = checkedRecord(input, domain.name);
        if (!checked.fields) throw invalid(checked.details);
        const conflicts = zoneConflicts(checked.fields, records);
        if (conflicts.length > 0) throw invalid(conflicts);
        const record: DnsRecord = {
          id: newId(),
          domainId: domain.id,
          ...checked.fields,
          createdAt: at,
          updatedAt: at,
        };
        await repository.insertRecord(executor, record);
        const line = recordLine(checked.fields, domain.name);
        await announce(
          executor,
          context,
          domain,
          { action: 'dns_record.added', record: line },
          { recordId: record.id, record: line },
        );
        return viewRecord(domain.name)(record);
      });
    },

    async updateRecord(context: DomainContext, domainId: string, recordId: string, input: DnsRecordInput) {
      return changeZone(context, domainId, async (executor, domain, records, at) => {
        const before = records.find((record) => record.id === recordId);
        if (!before) throw new AppError('NOT_FOUND');
        const checked = checkedRecord(input, domain.name);
        if (!checked.fields) throw invalid(checked.details);
        const conflicts = zoneConflicts(
          checked.fields,
          records.filter((record) => record.id !== recordId),
        );
        if (conflicts.length > 0) throw invalid(conflicts);
        await repository.updateRecord(executor, domain.id, recordId, checked.fields, at);
        const line = recordLine(checked.fields, domain.name);
        await announce(
          executor,
          context,
          domain,
          { action: 'dns_record.changed', record: line },
          {
            recordId,
            before: recordLine(before, domain.name),
            record: line,
          },
        );
        return viewRecord(domain.name)({ ...before, ...checked.fields, updatedAt: at });
      });
    },

    async removeRecord(context: DomainContext, domainId: string, recordId: string) {
      await changeZone(context, domainId, async (executor, domain, records) => {
        const record = records.find((candidate) => candidate.id === recordId);
        if (!record) throw new AppError('NOT_FOUND');
        await repository.removeRecord(executor, domain.id, recordId);
        const line = recordLine(record, domain.name);
        await announce(
          executor,
          context,
          domain,
          { action: 'dns_record.removed', record: line },
          { recordId, record: line },
        );
      });
    },
  };
}

export type DomainsService = ReturnType<typeof createDomainsService>;
