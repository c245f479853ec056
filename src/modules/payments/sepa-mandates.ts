// P3: SEPA direct debit mandates. A member with "pay invoices" gives the account's mandate (core or B2B):
// the account holder, an IBAN of a SEPA country, the mandate text in their language with the provider's
// creditor identifier and the mandate reference, as agreed on that day. An account has one active mandate;
// a new one replaces it, a revoked one stays on record (its reference is never given again).
import { friendlyFormatIBAN, isSEPACountry } from 'ibantools';
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { MandateScheme, SepaMandate } from '../../db/schema-payments.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { translator } from '../../shared/i18n.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { dayOf } from '../invoices/invoice-words.ts';
import { paymentErrors } from './payments.errors.ts';
import {
  checkedBic,
  checkedIban,
  fieldError,
  type PaymentSettings,
  type PaymentsService,
} from './payments.service.ts';
import { sepaErrors } from './sepa.errors.ts';

export interface MandateInput {
  scheme: MandateScheme;
  accountHolder: string;
  iban: string;
  bic?: string | null;
  /** The member ticked "I agree to the mandate text". */
  agreed: boolean;
}

/** A mandate as members and operators read it; the IBAN in groups of four. */
export const shownMandate = (mandate: SepaMandate) => ({
  id: mandate.id,
  reference: mandate.reference,
  scheme: mandate.scheme,
  accountHolder: mandate.accountHolder,
  iban: friendlyFormatIBAN(mandate.iban) ?? mandate.iban,
  bic: mandate.bic,
  signedOn: mandate.signedOn,
  language: mandate.language,
  mandateText: mandate.mandateText,
  revokedAt: mandate.revokedAt,
  lastCollectedOn: mandate.lastCollectedOn,
});

/** The provider as creditor: its name, creditor identifier and account; null while one is missing. */
export function creditorOf(settings: PaymentSettings) {
  if (!settings.creditorId || !settings.iban || !settings.bankAccountHolder) return null;
  return {
    ...settings,
    creditorId: settings.creditorId,
    name: settings.bankAccountHolder,
    iban: settings.iban,
  };
}

/** The creditor, or 409: direct debit is not set up. */
export function requireCreditor(settings: PaymentSettings) {
  const creditor = creditorOf(settings);
  if (!creditor) throw new AppError(sepaErrors.DIRECT_DEBIT_NOT_CONFIGURED);
  return creditor;
}

export function createSepaMandates({
  db,
  clock,
  config,
  audit,
  core,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  audit: AuditService;
  core: PaymentsService;
}) {
  async function accountOf(accountId: string) {
    return db
      .selectFrom('accounts')
      .select(['id', 'customerNumber', 'name'])
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
  }

  const active = (executor: Db, accountId: string) =>
    executor
      .selectFrom('sepaMandates')
      .selectAll()
      .where('accountId', '=', accountId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();

  /** The next reference of the account: "KNT-<customer number>-<n>", n counting all its mandates ever. */
  async function nextReference(executor: Db, customerNumber: string, accountId: string) {
    const { count } = await executor
      .selectFrom('sepaMandates')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('accountId', '=', accountId)
      .executeTakeFirstOrThrow();
    return `KNT-${customerNumber}-${Number(count) + 1}`;
  }

  const mandateText = (
    locale: Locale,
    scheme: MandateScheme,
    values: { creditor: string; creditorId: string; reference: string },
  ) => {
    const t = translator(locale);
    return [
      t(`sepaMandate.title.${scheme}`),
      t('sepaMandate.identifiers', values),
      t(`sepaMandate.text.${scheme}`, values),
    ].join('\n\n');
  };

  async function revokeActive(executor: Db, accountId: string, actor: AuditActor) {
    const current = await active(executor, accountId);
    if (!current) return null;
    await executor
      .updateTable('sepaMandates')
      .set({ revokedAt: clock.now().toISOString(), revokedByUserId: actor.type === 'user' ? actor.id : null })
      .where('id', '=', current.id)
      .execute();
    await audit.record(executor, {
      actor,
      accountId,
      action: 'sepa_mandate.revoked',
      target: { type: 'sepa_mandate', id: current.id, name: { name: current.reference } },
    });
    return current;
  }

  return {
    /** The active mandate, and the texts a new one would be given with, in the member's language. */
    async current(accountId: string, locale: Locale) {
      const mandate = await active(db, accountId);
      const provider = creditorOf(await core.settings());
      const account = await accountOf(accountId);
      const reference = await nextReference(db, account.customerNumber, accountId);
      const values = provider && { creditor: provider.name, creditorId: provider.creditorId, reference };
      return {
        mandate: mandate ? shownMandate(mandate) : null,
        offer: values
          ? {
              creditorName: values.creditor,
              creditorId: values.creditorId,
              reference,
              texts: { CORE: mandateText(locale, 'CORE', values), B2B: mandateText(locale, 'B2B', values) },
            }
          : null,
      };
    },

    /** Gives the account's mandate (replacing an active one) with the text in the member's language. */
    async give(accountId: string, input: MandateInput, actor: AuditActor, locale: Locale) {
      const holder = input.accountHolder.trim();
      if (holder.length < 2) throw fieldError(sepaErrors.ACCOUNT_HOLDER_REQUIRED, 'accountHolder');
      const iban = checkedIban(input.iban);
      if (!isSEPACountry(iban.slice(0, 2))) throw fieldError(paymentErrors.IBAN_INVALID, 'iban');
      const bic = checkedBic(input.bic);
      // The BIC names the bank's country, which must be the IBAN's (banks refuse the collection otherwise).
      if (bic && bic.slice(4, 6) !== iban.slice(0, 2)) throw fieldError(paymentErrors.BIC_INVALID, 'bic');
      if (!input.agreed) throw fieldError(sepaErrors.MANDATE_NOT_AGREED, 'agreed');
      const provider = requireCreditor(await core.settings());
      const account = await accountOf(accountId);
      try {
        return await db.transaction().execute(async (transaction) => {
          await revokeActive(transaction, accountId, actor);
          const reference = await nextReference(transaction, account.customerNumber, accountId);
          const mandate: SepaMandate = {
            id: newId(),
            accountId,
            reference,
            scheme: input.scheme,
            accountHolder: holder.slice(0, 70),
            iban,
            bic,
            signedOn: dayOf(clock.now(), config.defaultTimezone),
            language: locale,
            mandateText: mandateText(locale, input.scheme, {
              creditor: provider.name,
              creditorId: provider.creditorId,
              reference,
            }),
            givenByUserId: actor.type === 'user' ? actor.id : null,
            createdAt: clock.now().toISOString(),
            revokedAt: null,
            revokedByUserId: null,
            lastCollectedOn: null,
          };
          await transaction.insertInto('sepaMandates').values(mandate).execute();
          await audit.record(transaction, {
            actor,
            accountId,
            action: 'sepa_mandate.given',
            target: { type: 'sepa_mandate', id: mandate.id, name: { name: reference } },
            details: { scheme: mandate.scheme, iban: `…${iban.slice(-4)}` },
          });
          return shownMandate(mandate);
        });
      } catch (error) {
        // Two members giving a mandate at the same moment: the reference is unique, one of them wins.
        if (isUniqueViolation(error)) throw new AppError(sepaErrors.MANDATE_CHANGED_MEANWHILE);
        throw error;
      }
    },

    async revoke(accountId: string, actor: AuditActor) {
      const revoked = await db
        .transaction()
        .execute((transaction) => revokeActive(transaction, accountId, actor));
      if (!revoked) throw new AppError('NOT_FOUND');
      return { revoked: true };
    },

    /** Every mandate, active ones first, for the operators. */
    async list() {
      const rows = await db
        .selectFrom('sepaMandates')
        .innerJoin('accounts', 'accounts.id', 'sepaMandates.accountId')
        .selectAll('sepaMandates')
        .select(['accounts.name as accountName', 'accounts.customerNumber'])
        .orderBy('sepaMandates.createdAt', 'desc')
        .limit(500)
        .execute();
      // Active ones first, each group newest first (the sort is stable).
      rows.sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
      return {
        items: rows.map((row) => ({
          ...shownMandate(row),
          accountId: row.accountId,
          accountName: row.accountName,
          customerNumber: row.customerNumber,
        })),
      };
    },
  };
}

export type SepaMandates = ReturnType<typeof createSepaMandates>;
