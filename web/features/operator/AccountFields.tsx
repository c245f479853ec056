import { Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, isLocale, type Locale, localeNames, locales } from '../../i18n/i18n.ts';
import { useRequired } from '../../ui/forms.ts';
import {
  type Billing,
  type BillingField,
  billingFields,
  type CustomerAccount,
  commonTimezones,
} from './accounts.ts';

/** The inputs of a new and a changed account; nested like the API's body, so its `billing.city` errors land here. */
export type AccountValues = {
  name: string;
  seatLimit: string;
  locale: string;
  timezone: string;
  billing: Record<BillingField, string>;
};

export type AccountPath = 'name' | 'seatLimit' | 'locale' | 'timezone' | `billing.${BillingField}`;

/** The part of a form (useKontorForm) the fields need; the new-account form holds more than these. */
export interface AccountInputs {
  getInputProps: (path: AccountPath) => GetInputPropsReturnType;
  key: (path: AccountPath) => string;
}

const noBilling: Record<BillingField, string> = {
  street: '',
  postalCode: '',
  city: '',
  country: '',
  vatId: '',
};

export function emptyAccountValues(locale: string): AccountValues {
  return { name: '', seatLimit: '', locale, timezone: 'Europe/Berlin', billing: noBilling };
}

export function accountValuesOf(account: CustomerAccount): AccountValues {
  const billing = Object.fromEntries(billingFields.map((name) => [name, account.billing[name] ?? '']));
  return {
    name: account.name,
    seatLimit: String(account.seatLimit),
    locale: account.locale,
    timezone: account.timezone,
    billing: { ...noBilling, ...billing },
  };
}

/** The billing object the API takes: every field, empty ones as null (it replaces all of them at once). */
export function billingOf(values: AccountValues['billing']): Billing {
  const value = (name: BillingField) => values[name].trim() || null;
  return {
    street: value('street'),
    postalCode: value('postalCode'),
    city: value('city'),
    country: value('country'),
    vatId: value('vatId'),
  };
}

/** The select only offers the interface languages; an account's unknown one is sent as the current one. */
export const localeOf = (value: string): Locale => (isLocale(value) ? value : currentLocale());

/**
 * What the browser can check: a name, and a whole seat limit of at least 1 — and not below the users an
 * existing account already has (the API would accept it, but the account would hold more users than licensed, A4).
 */
export function useAccountRules(seatsUsed = 0) {
  const { t } = useTranslation();
  const required = useRequired();
  return useMemo(
    () => ({
      name: required,
      seatLimit: (value: string) => {
        const seats = value.trim();
        if (seats === '') return t('errors.required');
        if (!/^\d+$/.test(seats) || Number(seats) < 1) return t('accounts.seatLimitInvalid');
        if (Number(seats) < seatsUsed) return t('accounts.seatLimitBelowUsed', { used: seatsUsed });
        return null;
      },
    }),
    [required, t, seatsUsed],
  );
}

/** Name, seat limit, language, time zone and billing data: the same inputs for a new and a changed account. */
export function AccountFields({ form }: { form: AccountInputs }) {
  const { t } = useTranslation();
  const input = (path: AccountPath, label: string) => ({ ...form.getInputProps(path), label, name: path });
  const timezone = String(form.getInputProps('timezone').value ?? '');
  const timezones = commonTimezones.includes(timezone) ? commonTimezones : [...commonTimezones, timezone];

  return (
    <Stack>
      <TextInput
        {...input('name', t('accounts.name'))}
        key={form.key('name')}
        autoComplete="off"
        required
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <TextInput
          {...input('seatLimit', t('accounts.seatLimit'))}
          key={form.key('seatLimit')}
          description={t('accounts.seatLimitHint')}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          required
        />
        <NativeSelect
          {...input('locale', t('accounts.locale'))}
          key={form.key('locale')}
          description={t('accounts.localeHint')}
          data={locales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
        />
        <NativeSelect
          {...input('timezone', t('accounts.timezone'))}
          key={form.key('timezone')}
          description={t('accounts.timezoneHint')}
          data={timezones}
        />
      </SimpleGrid>
      <Fieldset legend={t('accounts.billing')}>
        <Stack>
          <TextInput
            {...input('billing.street', t('accounts.street'))}
            key={form.key('billing.street')}
            autoComplete="off"
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <TextInput
              {...input('billing.postalCode', t('accounts.postalCode'))}
              key={form.key('billing.postalCode')}
              autoComplete="off"
            />
            <TextInput
              {...input('billing.city', t('accounts.city'))}
              key={form.key('billing.city')}
              autoComplete="off"
            />
            <TextInput
              {...input('billing.country', t('accounts.country'))}
              key={form.key('billing.country')}
              autoComplete="off"
            />
          </SimpleGrid>
          <TextInput
            {...input('billing.vatId', t('accounts.vatId'))}
            key={form.key('billing.vatId')}
            autoComplete="off"
            maw={320}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
