// The provider's identity: who runs this Kontor. Configured once by operators and used as sender name,
// signature and footer of every e-mail and in the web app's footer, so that nothing reads like a stranger's.
import countries from 'i18n-iso-countries';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { defaultCountry, toE164 } from '../../shared/phone.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { providerErrors } from './provider.errors.ts';
import { createProviderRepository, type ProviderProfileRow } from './provider.repository.ts';

export interface ProviderProfileChanges {
  name?: string | null;
  address?: string | null;
  supportEmail?: string | null;
  supportPhone?: string | null;
  website?: string | null;
  legalNotice?: string | null;
}

/** What e-mails and the web app show. */
export interface ProviderIdentity {
  /** The configured name, or the portal's host name until an operator sets one. */
  name: string;
  configured: boolean;
  address: string | null;
  supportEmail: string | null;
  /** International format, "+49 30 1234567". */
  supportPhone: string | null;
  website: string | null;
  legalNotice: string | null;
  logoUrl: string | null;
}

/** The installation's legal seller on every invoice (§14 (4) Nr. 1 and 2 UStG); null until set. */
export interface SellerData {
  name: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  vatId: string | null;
  taxNumber: string | null;
  email: string | null;
}

const sellerOf = (row: ProviderProfileRow): SellerData => ({
  name: row.sellerName,
  street: row.sellerStreet,
  postalCode: row.sellerPostalCode,
  city: row.sellerCity,
  country: row.sellerCountry,
  vatId: row.sellerVatId,
  taxNumber: row.sellerTaxNumber,
  email: row.sellerEmail,
});

const logoTypes = [
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
] as const;
export const logoMaxBytes = 200_000;

export function createProviderService({
  db,
  clock,
  config,
  audit,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  audit: AuditService;
}) {
  const repository = createProviderRepository(db);
  const clean = (value: string | null | undefined) => value?.replace(/\r\n/g, '\n').trim() || null;

  function identityOf(row: ProviderProfileRow): ProviderIdentity {
    const phone = row.supportPhone ? parsePhoneNumberFromString(row.supportPhone) : undefined;
    return {
      name: row.name ?? config.publicUrl.hostname,
      configured: row.name !== null,
      address: row.address,
      supportEmail: row.supportEmail,
      supportPhone: phone?.formatInternational() ?? row.supportPhone,
      website: row.website,
      legalNotice: row.legalNotice,
      // The version makes a new logo show at once despite caches.
      logoUrl: row.logoData
        ? new URL(`/api/v1/provider/logo?v=${Date.parse(row.updatedAt)}`, config.publicUrl).href
        : null,
    };
  }

  const normalizePhone = (value: string | null) =>
    toE164(value, 'supportPhone', defaultCountry(null, config.defaultLocale));

  async function change(changes: Partial<ProviderProfileRow>, actor: AuditActor, fields: string[]) {
    return db.transaction().execute(async (transaction) => {
      await repository.update(transaction, { ...changes, updatedAt: clock.now().toISOString() });
      await audit.record(transaction, {
        actor,
        accountId: null,
        action: 'provider.updated',
        details: { fields },
      });
      return identityOf(await repository.get(transaction));
    });
  }

  return {
    /** Read in the caller's transaction, so an e-mail carries the identity as it was when it was written. */
    identity: async (executor: Db = db) => identityOf(await repository.get(executor)),

    async updateProfile(changes: ProviderProfileChanges, actor: AuditActor) {
      const cleaned: Partial<ProviderProfileRow> = {};
      for (const field of ['name', 'address', 'supportEmail', 'website', 'legalNotice'] as const) {
        if (field in changes) cleaned[field] = clean(changes[field]);
      }
      if (cleaned.supportEmail) cleaned.supportEmail = cleaned.supportEmail.toLowerCase();
      if ('supportPhone' in changes) cleaned.supportPhone = normalizePhone(clean(changes.supportPhone));
      return change(cleaned, actor, Object.keys(changes).sort());
    },

    /** Read in the caller's transaction, so an invoice carries the seller as it was when it was issued. */
    seller: async (executor: Db = db) => sellerOf(await repository.get(executor)),

    /** P2: the account invoices name for a bank transfer; null until an operator sets an IBAN. */
    async payee(executor: Db = db) {
      const row = await repository.get(executor);
      return row.bankIban ? { iban: row.bankIban, bic: row.bankBic, holder: row.bankAccountHolder } : null;
    },

    /** Replaces the seller data as a whole; the invoice run checks that it is complete. */
    async updateSeller(input: SellerData, actor: AuditActor) {
      const country = clean(input.country)?.toUpperCase() ?? null;
      if (country && !(country.length === 2 && countries.isValid(country))) {
        throw new AppError(providerErrors.SELLER_COUNTRY_INVALID, {
          details: [{ field: 'country', code: providerErrors.SELLER_COUNTRY_INVALID }],
        });
      }
      return db.transaction().execute(async (transaction) => {
        await repository.update(transaction, {
          sellerName: clean(input.name),
          sellerStreet: clean(input.street),
          sellerPostalCode: clean(input.postalCode),
          sellerCity: clean(input.city),
          sellerCountry: country,
          sellerVatId: clean(input.vatId)?.replace(/\s+/g, '').toUpperCase() ?? null,
          sellerTaxNumber: clean(input.taxNumber),
          sellerEmail: clean(input.email)?.toLowerCase() ?? null,
          updatedAt: clock.now().toISOString(),
        });
        await audit.record(transaction, {
          actor,
          accountId: null,
          action: 'provider.updated',
          details: { fields: ['seller'] },
        });
        return sellerOf(await repository.get(transaction));
      });
    },

    /** PNG or JPEG, recognised by its first bytes (never by what the browser claims). */
    async setLogo(base64: string, actor: AuditActor) {
      const bytes = Buffer.from(base64, 'base64');
      const kind = logoTypes.find(({ magic }) => magic.every((byte, index) => bytes[index] === byte));
      if (!kind || bytes.length > logoMaxBytes) {
        throw new AppError(providerErrors.LOGO_INVALID, {
          params: { max: Math.round(logoMaxBytes / 1000) },
          details: [{ field: 'data', code: providerErrors.LOGO_INVALID }],
        });
      }
      return change({ logoType: kind.type, logoData: bytes.toString('base64') }, actor, ['logo']);
    },

    removeLogo: (actor: AuditActor) => change({ logoType: null, logoData: null }, actor, ['logo']),

    async logo(): Promise<{ type: string; bytes: Buffer } | null> {
      const row = await repository.get();
      return row.logoData && row.logoType
        ? { type: row.logoType, bytes: Buffer.from(row.logoData, 'base64') }
        : null;
    },
  };
}

export type ProviderService = ReturnType<typeof createProviderService>;
