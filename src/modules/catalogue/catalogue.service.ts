// P4, D1: the operators' catalogue of online services. A service's code is what the desktop program names
// it by, so it is fixed once created; names, unit, adapter, provider URL and the active flag change. Prices
// are only ever added, each from a moment that is not in the past, so a price that was charged stays the
// price of that time. Every change is audited with the operator as actor.
import type { Db } from '../../db/kysely.ts';
import { AppError, type ErrorDetail } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { catalogueErrors } from './catalogue.errors.ts';
import {
  type CatalogueRepository,
  createCatalogueRepository,
  type PriceRow,
  type ServiceRow,
} from './catalogue.repository.ts';
import type { ServiceAdapter, ServiceUnit } from './catalogue.schemas.ts';

export interface ServiceNames {
  de: string;
  en: string;
  hu: string;
}

export interface NewService {
  code: string;
  names: ServiceNames;
  unit: ServiceUnit;
  adapter: ServiceAdapter;
  providerUrl?: string | null;
  active?: boolean;
}

export type ServiceChange = Partial<Omit<NewService, 'code'>>;

export interface NewPrice {
  netCents: number;
  vatRateBp: number;
  validFrom?: string;
}

const codePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const locales = ['de', 'en', 'hu'] as const;

/** Net plus VAT, rounded half up to the cent (a display value; invoices round per line themselves). */
export const grossOf = (netCents: number, vatRateBp: number) =>
  netCents + Math.round((netCents * vatRateBp) / 10_000);

export const priceView = (row: PriceRow) => ({
  id: row.id,
  netCents: Number(row.netCents),
  vatRateBp: Number(row.vatRateBp),
  grossCents: grossOf(Number(row.netCents), Number(row.vatRateBp)),
  validFrom: row.validFrom,
  createdAt: row.createdAt,
});

/** The price that holds at `at` and the next one after it, from prices sorted by start, latest first. */
export function pricesAt(prices: PriceRow[], at: string) {
  const current = prices.find((row) => row.validFrom <= at);
  const next = prices.filter((row) => row.validFrom > at).at(-1);
  return { current: current ? priceView(current) : null, next: next ? priceView(next) : null };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The stored fields of a service, or every refusal at once, each under its field. */
function checkedFields(input: Omit<NewService, 'code'> & { active: boolean }) {
  const details: ErrorDetail[] = [];
  const names = Object.fromEntries(
    locales.map((locale) => [locale, input.names[locale].trim().replace(/\s+/g, ' ')]),
  ) as unknown as ServiceNames;
  for (const locale of locales) {
    if (!names[locale]) details.push({ field: `names.${locale}`, code: catalogueErrors.SERVICE_NAME_BLANK });
  }
  const url = input.providerUrl?.trim() || null;
  if (input.adapter === 'http' && !url) {
    details.push({ field: 'providerUrl', code: catalogueErrors.SERVICE_PROVIDER_URL_REQUIRED });
  } else if (input.adapter === 'http' && url && !isHttpUrl(url)) {
    details.push({ field: 'providerUrl', code: catalogueErrors.SERVICE_PROVIDER_URL_INVALID });
  }
  return {
    details,
    fields: {
      nameDe: names.de,
      nameEn: names.en,
      nameHu: names.hu,
      unit: input.unit,
      adapter: input.adapter,
      providerUrl: input.adapter === 'http' ? url : null,
      active: input.active ? 1 : 0,
    },
  };
}

export function createCatalogueService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  const repository: CatalogueRepository = createCatalogueRepository();
  const now = () => clock.now().toISOString();

  const view = (row: ServiceRow, prices: PriceRow[], at: string) => {
    const { current, next } = pricesAt(prices, at);
    return {
      id: row.id,
      code: row.code,
      names: { de: row.nameDe, en: row.nameEn, hu: row.nameHu },
      unit: row.unit as ServiceUnit,
      adapter: row.adapter,
      providerUrl: row.providerUrl,
      active: Boolean(row.active),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      currentPrice: current,
      nextPrice: next,
    };
  };

  async function detail(executor: Db, id: string) {
    const row = await repository.findService(executor, id);
    if (!row) throw new AppError('NOT_FOUND');
    const prices = await repository.pricesOf(executor, [id]);
    return { ...view(row, prices, now()), prices: prices.map(priceView) };
  }

  const target = (row: Pick<ServiceRow, 'id' | 'code'>) => ({
    type: 'service',
    id: row.id,
    name: { name: row.code },
  });

  return {
    repository,

    async list() {
      const [services, prices] = await Promise.all([repository.listServices(db), repository.pricesOf(db)]);
      const at = now();
      return {
        items: services.map((row) =>
          view(
            row,
            prices.filter((price) => price.serviceId === row.id),
            at,
          ),
        ),
      };
    },

    get: (id: string) => detail(db, id),

    async create(actor: AuditActor, input: NewService) {
      const code = input.code.trim();
      const { details, fields } = checkedFields({ ...input, active: input.active ?? true });
      if (!codePattern.test(code))
        details.unshift({ field: 'code', code: catalogueErrors.SERVICE_CODE_INVALID });
      if (details.length > 0) throw new AppError('VALIDATION_FAILED', { details });
      const at = now();
      const row: ServiceRow = { id: newId(), code, ...fields, createdAt: at, updatedAt: at };
      try {
        await db.transaction().execute(async (transaction) => {
          await repository.insertService(transaction, row);
          await audit.record(transaction, {
            actor,
            accountId: null,
            action: 'service.created',
            target: target(row),
            details: { unit: row.unit, adapter: row.adapter, active: Boolean(row.active) },
          });
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new AppError(catalogueErrors.SERVICE_CODE_TAKEN, {
          details: [{ field: 'code', code: catalogueErrors.SERVICE_CODE_TAKEN }],
        });
      }
      return detail(db, row.id);
    },

    async update(actor: AuditActor, id: string, change: ServiceChange) {
      await db.transaction().execute(async (transaction) => {
        const before = await repository.findService(transaction, id);
        if (!before) throw new AppError('NOT_FOUND');
        const { details, fields } = checkedFields({
          names: change.names ?? { de: before.nameDe, en: before.nameEn, hu: before.nameHu },
          unit: change.unit ?? (before.unit as ServiceUnit),
          adapter: change.adapter ?? before.adapter,
          providerUrl: change.providerUrl !== undefined ? change.providerUrl : before.providerUrl,
          active: change.active ?? Boolean(before.active),
        });
        if (details.length > 0) throw new AppError('VALIDATION_FAILED', { details });
        const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
          (field) => fields[field] !== before[field],
        );
        if (changed.length === 0) return;
        await repository.updateService(transaction, id, { ...fields, updatedAt: now() });
        await audit.record(transaction, {
          actor,
          accountId: null,
          action: 'service.changed',
          target: target(before),
          details: { fields: changed },
        });
      });
      return detail(db, id);
    },

    /** A new price from `validFrom` (now when omitted); none is ever changed or removed. */
    async addPrice(actor: AuditActor, serviceId: string, input: NewPrice) {
      const at = now();
      const validFrom = input.validFrom ? new Date(input.validFrom).toISOString() : at;
      const service = await repository.findService(db, serviceId);
      if (!service) throw new AppError('NOT_FOUND');
      if (validFrom < at) {
        throw new AppError('VALIDATION_FAILED', {
          details: [{ field: 'validFrom', code: catalogueErrors.PRICE_VALID_FROM_PAST }],
        });
      }
      const row: PriceRow = {
        id: newId(),
        serviceId,
        netCents: input.netCents,
        vatRateBp: input.vatRateBp,
        validFrom,
        createdAt: at,
      };
      try {
        await db.transaction().execute(async (transaction) => {
          await repository.insertPrice(transaction, row);
          await audit.record(transaction, {
            actor,
            accountId: null,
            action: 'service.price_added',
            target: target(service),
            details: { netCents: row.netCents, vatRateBp: row.vatRateBp, validFrom },
          });
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new AppError(catalogueErrors.PRICE_VALID_FROM_TAKEN, {
          details: [{ field: 'validFrom', code: catalogueErrors.PRICE_VALID_FROM_TAKEN }],
        });
      }
      return priceView(row);
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
