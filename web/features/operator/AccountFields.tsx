import { Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { localeNames, locales } from '../../i18n/i18n.ts';
import type { FieldErrors } from '../../ui/form-errors.ts';
import { type Billing, billingFields, type CustomerAccount, commonTimezones } from './accounts-types.ts';

// Field names are the API's, dotted for nested objects, so its error details land under the right input.
export const accountFields = [
  'name',
  'seatLimit',
  'locale',
  'timezone',
  'billing.street',
  'billing.postalCode',
  'billing.city',
  'billing.country',
  'billing.vatId',
] as const;
export type AccountField = (typeof accountFields)[number];
export type AccountValues = Record<AccountField, string>;

export function emptyAccountValues(locale: string): AccountValues {
  return {
    name: '',
    seatLimit: '',
    locale,
    timezone: 'Europe/Berlin',
    'billing.street': '',
    'billing.postalCode': '',
    'billing.city': '',
    'billing.country': '',
    'billing.vatId': '',
  };
}

export function accountValuesOf(account: CustomerAccount): AccountValues {
  return {
    name: account.name,
    seatLimit: String(account.seatLimit),
    locale: account.locale,
    timezone: account.timezone,
    'billing.street': account.billing.street ?? '',
    'billing.postalCode': account.billing.postalCode ?? '',
    'billing.city': account.billing.city ?? '',
    'billing.country': account.billing.country ?? '',
    'billing.vatId': account.billing.vatId ?? '',
  };
}

/** The billing object the API takes: every field, empty ones as null (it replaces all of them at once). */
export function billingOf(values: AccountValues): Billing {
  return Object.fromEntries(
    billingFields.map((name) => [name, values[`billing.${name}`].trim() || null]),
  ) as unknown as Billing;
}

/** Checks what the browser can: required fields and a whole seat limit of at least 1. */
export function validateAccount(values: AccountValues, t: TFunction): FieldErrors<AccountField> {
  const found: FieldErrors<AccountField> = {};
  if (values.name.trim() === '') found.name = t('errors.required');
  if (values.seatLimit.trim() === '') found.seatLimit = t('errors.required');
  else if (!/^\d+$/.test(values.seatLimit.trim()) || Number(values.seatLimit) < 1) {
    found.seatLimit = t('accounts.seatLimitInvalid');
  }
  return found;
}

/** Name, seat limit, language, time zone and billing data: the same inputs for a new and a changed account. */
export function AccountFields({
  values,
  onChange,
  errors,
}: {
  values: AccountValues;
  onChange: (name: AccountField, value: string) => void;
  errors: FieldErrors<AccountField>;
}) {
  const { t } = useTranslation();
  const text = (name: AccountField, label: string) => ({
    label,
    name,
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => onChange(name, event.currentTarget.value),
    error: errors[name],
  });
  const timezones = commonTimezones.includes(values.timezone)
    ? commonTimezones
    : [...commonTimezones, values.timezone];

  return (
    <Stack>
      <TextInput {...text('name', t('accounts.name'))} autoComplete="off" required />
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <TextInput
          {...text('seatLimit', t('accounts.seatLimit'))}
          description={t('accounts.seatLimitHint')}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          required
        />
        <NativeSelect
          label={t('accounts.locale')}
          description={t('accounts.localeHint')}
          name="locale"
          data={locales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
          value={values.locale}
          onChange={(event) => onChange('locale', event.currentTarget.value)}
          error={errors.locale}
        />
        <NativeSelect
          label={t('accounts.timezone')}
          description={t('accounts.timezoneHint')}
          name="timezone"
          data={timezones}
          value={values.timezone}
          onChange={(event) => onChange('timezone', event.currentTarget.value)}
          error={errors.timezone}
        />
      </SimpleGrid>
      <Fieldset legend={t('accounts.billing')}>
        <Stack>
          <TextInput {...text('billing.street', t('accounts.street'))} autoComplete="off" />
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <TextInput {...text('billing.postalCode', t('accounts.postalCode'))} autoComplete="off" />
            <TextInput {...text('billing.city', t('accounts.city'))} autoComplete="off" />
            <TextInput {...text('billing.country', t('accounts.country'))} autoComplete="off" />
          </SimpleGrid>
          <TextInput {...text('billing.vatId', t('accounts.vatId'))} autoComplete="off" maw={320} />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
