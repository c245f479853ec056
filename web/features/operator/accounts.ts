// What the operator pages share about customer accounts: the API's types and the value lists they offer.
import type { TFunction } from 'i18next';
import type { ApiResult, paths } from '../../api/client.ts';

export type CustomerAccount = ApiResult<'/api/v1/operator/accounts/{accountId}'>;
export type Billing = CustomerAccount['billing'];
/** The states the list can filter by (the account's own `status` is a plain string in the API). */
export type AccountStatus = NonNullable<
  paths['/api/v1/operator/accounts']['get']['parameters']['query']['status']
>;

export const accountStatuses: readonly AccountStatus[] = ['pending_confirmation', 'active', 'suspended'];

export const isAccountStatus = (value: string): value is AccountStatus =>
  (accountStatuses as readonly string[]).includes(value);

/** The status in the interface language; one the web app does not know yet shows as the API names it. */
export function accountStatusLabel(t: TFunction, status: string): string {
  return isAccountStatus(status) ? t(`accounts.statuses.${status}`) : status;
}

export const billingFields = ['street', 'postalCode', 'city', 'country', 'vatId'] as const;
export type BillingField = (typeof billingFields)[number];

/** The zones most customers are in; an account's other zone stays selectable where it is shown. */
export const commonTimezones = [
  'Europe/Berlin',
  'Europe/Vienna',
  'Europe/Zurich',
  'Europe/Budapest',
  'Europe/London',
  'UTC',
];
