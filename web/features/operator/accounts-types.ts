export type AccountStatus = 'pending_confirmation' | 'active' | 'suspended';
export const accountStatuses: AccountStatus[] = ['pending_confirmation', 'active', 'suspended'];

export interface Billing {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  vatId: string | null;
}

/** A customer account as the operator API shows it. */
export interface CustomerAccount {
  id: string;
  customerNumber: string;
  name: string;
  status: AccountStatus;
  seatLimit: number;
  seatsUsed: number;
  locale: string;
  timezone: string;
  billing: Billing;
  owner: {
    title: string | null;
    firstName: string;
    lastName: string;
    email: string | null;
    /** The main user has not yet come in: their link can be sent again. */
    pendingActivation: boolean;
  } | null;
  createdAt: string;
}

export interface AccountList {
  items: CustomerAccount[];
  total: number;
  page: number;
  pageSize: number;
}

export const billingFields = ['street', 'postalCode', 'city', 'country', 'vatId'] as const;

/** The zones most customers are in; an account's other zone stays selectable where it is shown. */
export const commonTimezones = [
  'Europe/Berlin',
  'Europe/Vienna',
  'Europe/Zurich',
  'Europe/Budapest',
  'Europe/London',
  'UTC',
];

export const accountPath = (id: string) => `/api/v1/operator/accounts/${encodeURIComponent(id)}`;
