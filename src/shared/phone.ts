// Phone numbers are stored as E.164 (+4930123456), parsed by libphonenumber-js: national input is read in
// the country the caller names (an account's country, else the language's), anything invalid is refused.
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import { AppError, defineErrors } from './app-error.ts';

export const phoneErrors = defineErrors({ PHONE_INVALID: 400 });

const countryOfLocale: Record<string, CountryCode> = { de: 'DE', en: 'GB', hu: 'HU' };

/** The country national numbers are read in: an ISO 3166 code if libphonenumber knows it, else the language's. */
export function defaultCountry(country: string | null | undefined, locale: string): CountryCode {
  const code = country?.toUpperCase();
  return code && isSupportedCountry(code) ? code : (countryOfLocale[locale] ?? 'DE');
}

/** E.164 of a valid number (national input read in `country`, when given), else null. */
export function parseE164(value: string, country?: CountryCode): string | null {
  const phone = parsePhoneNumberFromString(value, country);
  return phone?.isValid() ? phone.number : null;
}

/** E.164, null for an empty value, or a field error naming `field`. */
export function toE164(value: string | null | undefined, field: string, country: CountryCode): string | null {
  if (!value?.trim()) return null;
  const phone = parseE164(value, country);
  if (!phone) {
    throw new AppError(phoneErrors.PHONE_INVALID, { details: [{ field, code: phoneErrors.PHONE_INVALID }] });
  }
  return phone;
}

/** +49 30 1234567: how a stored number is shown. */
export const formatPhone = (e164: string | null): string | null =>
  e164 ? (parsePhoneNumberFromString(e164)?.formatInternational() ?? e164) : null;
