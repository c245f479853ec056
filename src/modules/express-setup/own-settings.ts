// T1: the steps about the signed-in user themselves: contact details and region, desk phones, voicemail
// greeting, app or browser. Each writes only the caller's own rows in the account they act in.
import countries from 'i18n-iso-countries';
import type { CountryCode } from 'libphonenumber-js';
import type { Db } from '../../db/kysely.ts';
import { AppError, type ErrorDetail } from '../../shared/app-error.ts';
import { parseE164 } from '../../shared/phone.ts';
import { newId } from '../../shared/tokens.ts';
import {
  checkedGreeting,
  type ExpressSetupContext,
  type ExpressSetupDependencies,
  type GreetingInput,
  phoneView,
} from './express-setup.checks.ts';
import { defaultRegion, localeOr } from './express-setup.defaults.ts';
import { expressSetupErrors } from './express-setup.errors.ts';
import type { ExpressSetupRepository, UserSettingsRow } from './express-setup.repository.ts';
import type { clientKinds, dateFormats, timeFormats } from './express-setup.schemas.ts';
import { normalizeMacAddress } from './mac-address.ts';
import { findManufacturer, findModel, phoneName } from './phone-catalogue.ts';

export interface MyInformationInput {
  mobilePhone: string | null;
  landlinePhone: string | null;
  locale: 'de' | 'en' | 'hu';
  timeZone: string;
  country: string;
  dateFormat: (typeof dateFormats)[number];
  timeFormat: (typeof timeFormats)[number];
}

export interface PhoneInput {
  manufacturer: string;
  model: string;
  macAddress?: string | null;
  serialNumber?: string | null;
}

const timeZones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
const refusal = (details: ErrorDetail[]) => new AppError('VALIDATION_FAILED', { details });
const personal = ['mobilePhone', 'landlinePhone', 'timeZone', 'country', 'dateFormat', 'timeFormat'] as const;

/** `View` is what the service answers with after a change: the whole express setup, as read again. */
export function createOwnSettings<View>({
  db,
  clock,
  audit,
  repository,
  getExpressSetup,
}: ExpressSetupDependencies & {
  repository: ExpressSetupRepository;
  getExpressSetup: (context: ExpressSetupContext) => Promise<View>;
}) {
  const now = () => clock.now().toISOString();

  /** The caller's settings row as it is, or as the defaults make it. */
  async function currentUserSettings(executor: Db, { accountId, userId }: ExpressSetupContext) {
    const stored = await repository.userSettings(executor, accountId, userId);
    if (stored) return stored;
    const account = await repository.account(executor, accountId);
    const user = await repository.user(executor, userId);
    const region = defaultRegion(account, localeOr(user.locale, localeOr(account.locale, 'de')));
    return {
      accountId,
      userId,
      mobilePhone: null,
      landlinePhone: null,
      ...region,
      voicemailMode: 'default' as const,
      customVoicemailGreeting: null,
      clientKind: null,
      updatedAt: now(),
    };
  }

  const record = (executor: Db, context: ExpressSetupContext, action: string, extra: object = {}) =>
    audit.record(executor, {
      actor: context.actor,
      accountId: context.accountId,
      action: `express_setup.${action}`,
      target: { type: 'user', id: context.userId },
      ...extra,
    });

  async function setMyInformation(context: ExpressSetupContext, input: MyInformationInput) {
    const details: ErrorDetail[] = [];
    const country = input.country.toUpperCase();
    const knownCountry = countries.isValid(country);
    if (!knownCountry)
      details.push({ field: 'country', code: expressSetupErrors.EXPRESS_SETUP_COUNTRY_INVALID });
    if (!timeZones.has(input.timeZone)) {
      details.push({ field: 'timeZone', code: expressSetupErrors.EXPRESS_SETUP_TIME_ZONE_INVALID });
    }
    const phoneOf = (field: 'mobilePhone' | 'landlinePhone') => {
      const written = input[field]?.trim();
      if (!written) return null;
      const e164 = parseE164(written, knownCountry ? (country as CountryCode) : undefined);
      if (!e164) details.push({ field, code: expressSetupErrors.EXPRESS_SETUP_PHONE_NUMBER_INVALID });
      return e164;
    };
    const fields = {
      mobilePhone: phoneOf('mobilePhone'),
      landlinePhone: phoneOf('landlinePhone'),
      timeZone: input.timeZone,
      country,
      dateFormat: input.dateFormat,
      timeFormat: input.timeFormat,
    };
    if (details.length > 0) throw refusal(details);

    await db.transaction().execute(async (transaction) => {
      const before = await currentUserSettings(transaction, context);
      const user = await repository.user(transaction, context.userId);
      const changed: string[] = personal.filter((field) => fields[field] !== before[field]);
      if (user.locale !== input.locale) changed.push('locale');
      if (changed.length === 0) return;
      const at = now();
      await repository.saveUserSettings(transaction, {
        ...before,
        ...fields,
        updatedAt: at,
      } as UserSettingsRow);
      if (user.locale !== input.locale)
        await repository.setUserLocale(transaction, context.userId, input.locale, at);
      await record(transaction, context, 'my_information_changed', { details: { fields: changed } });
    });
    return getExpressSetup(context);
  }

  async function addPhone(context: ExpressSetupContext, input: PhoneInput) {
    const details: ErrorDetail[] = [];
    const manufacturer = findManufacturer(input.manufacturer);
    if (!manufacturer) {
      details.push({ field: 'manufacturer', code: expressSetupErrors.EXPRESS_SETUP_MANUFACTURER_UNKNOWN });
    } else if (!findModel(input.manufacturer, input.model)) {
      details.push({ field: 'model', code: expressSetupErrors.EXPRESS_SETUP_MODEL_UNKNOWN });
    }
    const serialNumber = input.serialNumber?.trim().toUpperCase() || null;
    let macAddress: string | null = null;
    if (input.macAddress?.trim()) {
      const checked = normalizeMacAddress(input.macAddress);
      if ('problem' in checked) details.push({ field: 'macAddress', code: checked.problem });
      else macAddress = checked.macAddress;
    } else if (!serialNumber) {
      details.push({ field: 'macAddress', code: expressSetupErrors.EXPRESS_SETUP_DEVICE_ID_REQUIRED });
    }
    if (details.length > 0) throw refusal(details);

    const phone = {
      id: newId(),
      accountId: context.accountId,
      userId: context.userId,
      manufacturer: input.manufacturer,
      model: input.model,
      macAddress,
      serialNumber,
      createdAt: now(),
    };
    await db.transaction().execute(async (transaction) => {
      if (macAddress && (await repository.phoneWithMac(transaction, context.accountId, macAddress))) {
        throw refusal([{ field: 'macAddress', code: expressSetupErrors.EXPRESS_SETUP_MAC_TAKEN }]);
      }
      await repository.insertPhone(transaction, phone);
      await record(transaction, context, 'phone_added', {
        details: { phone: phoneName(phone.manufacturer, phone.model), macAddress, serialNumber },
      });
    });
    return phoneView(phone);
  }

  async function removePhone(context: ExpressSetupContext, phoneId: string) {
    await db.transaction().execute(async (transaction) => {
      const phone = await repository.ownPhone(transaction, context.accountId, context.userId, phoneId);
      if (!phone) throw new AppError('NOT_FOUND');
      await repository.removePhone(transaction, phoneId);
      await record(transaction, context, 'phone_removed', {
        details: { phone: phoneName(phone.manufacturer, phone.model), macAddress: phone.macAddress },
      });
    });
  }

  async function setVoicemailGreeting(context: ExpressSetupContext, input: GreetingInput) {
    const greeting = checkedGreeting(input);
    await db.transaction().execute(async (transaction) => {
      const before = await currentUserSettings(transaction, context);
      const customVoicemailGreeting = greeting.customText ?? before.customVoicemailGreeting;
      if (
        before.voicemailMode === greeting.mode &&
        before.customVoicemailGreeting === customVoicemailGreeting
      )
        return;
      await repository.saveUserSettings(transaction, {
        ...before,
        voicemailMode: greeting.mode,
        customVoicemailGreeting,
        updatedAt: now(),
      });
      await record(transaction, context, 'voicemail_greeting_changed', { details: { mode: greeting.mode } });
    });
    return getExpressSetup(context);
  }

  async function setClient(context: ExpressSetupContext, { kind }: { kind: (typeof clientKinds)[number] }) {
    await db.transaction().execute(async (transaction) => {
      const before = await currentUserSettings(transaction, context);
      if (before.clientKind === kind) return;
      await repository.saveUserSettings(transaction, { ...before, clientKind: kind, updatedAt: now() });
      await record(transaction, context, 'client_changed', { details: { kind } });
    });
    return getExpressSetup(context);
  }

  return { setMyInformation, addPhone, removePhone, setVoicemailGreeting, setClient };
}
