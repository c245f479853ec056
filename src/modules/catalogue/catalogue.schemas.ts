import { Type } from 'typebox';
import { id, line } from '../auth/auth.schemas.ts';

export const serviceUnits = ['request', 'message', 'page'] as const;
export const serviceAdapters = ['demo', 'http'] as const;
export type ServiceUnit = (typeof serviceUnits)[number];
export type ServiceAdapter = (typeof serviceAdapters)[number];

const nullableString = Type.Union([Type.String(), Type.Null()]);
const unit = Type.Enum(serviceUnits, { description: 'What one use counts: a request, a message, a page' });
const adapter = Type.Enum(serviceAdapters, {
  description: 'demo: deterministic sample answers; http: the provider at providerUrl',
});
const names = Type.Object(
  { de: line(200, 0), en: line(200, 0), hu: line(200, 0) },
  { additionalProperties: false, description: 'The name in each language' },
);
const namesView = Type.Object({ de: Type.String(), en: Type.String(), hu: Type.String() });
const providerUrl = Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], {
  description: 'The http adapter’s endpoint, an http(s) URL; ignored (stored empty) for demo',
});

export const serviceParams = Type.Object({ serviceId: id });

export const newServiceBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'Lowercase letters, digits and dashes ("address-lookup"); fixed once created',
    }),
    names,
    unit,
    adapter,
    providerUrl: Type.Optional(providerUrl),
    active: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

export const serviceChangeBody = Type.Object(
  {
    names: Type.Optional(names),
    unit: Type.Optional(unit),
    adapter: Type.Optional(adapter),
    providerUrl: Type.Optional(providerUrl),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const newPriceBody = Type.Object(
  {
    netCents: Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'Net price of one unit, cents' }),
    vatRateBp: Type.Integer({
      minimum: 0,
      maximum: 10_000,
      description: 'VAT in basis points: 1900 is 19 %',
    }),
    validFrom: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'From when the price holds: now (omitted) or later, never in the past',
      }),
    ),
  },
  { additionalProperties: false },
);

export const price = Type.Object({
  id: Type.String(),
  netCents: Type.Integer(),
  vatRateBp: Type.Integer(),
  /** Net plus VAT, rounded to the cent. */
  grossCents: Type.Integer(),
  validFrom: Type.String(),
  createdAt: Type.String(),
});
const nullablePrice = Type.Union([price, Type.Null()]);

export const service = Type.Object({
  id: Type.String(),
  code: Type.String(),
  names: namesView,
  unit,
  adapter,
  providerUrl: nullableString,
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  currentPrice: nullablePrice,
  /** The next price already set for a later moment, if any. */
  nextPrice: nullablePrice,
});
export const serviceList = Type.Object({ items: Type.Array(service) });
export const serviceDetail = Type.Object({
  ...service.properties,
  /** Every price, the latest start first. */
  prices: Type.Array(price),
});

/** A service as customers see it: the name in the reader's language and the price that holds now. */
const offeredService = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  unit,
  active: Type.Boolean(),
  price: nullablePrice,
});

const userRef = Type.Object({ id: Type.String(), userNumber: Type.String(), name: Type.String() });

export const subscription = Type.Object({
  id: Type.String(),
  service: offeredService,
  /** null: the whole account; otherwise only this user may use the service. */
  user: Type.Union([userRef, Type.Null()]),
  startedAt: Type.String(),
  endedAt: nullableString,
});
export const subscriptionList = Type.Object({ items: Type.Array(subscription) });

export const subscriptionOptions = Type.Object({
  services: Type.Array(offeredService, { description: 'The active services that can be booked' }),
  users: Type.Array(Type.Object({ ...userRef.properties, disabled: Type.Boolean() }), {
    description: "The account's own users, for a subscription per user",
  }),
});

export const subscribeBody = Type.Object(
  {
    serviceId: id,
    scope: Type.Enum(['account', 'users'], {
      description: 'account: every user of the account; users: only the users named in userIds',
    }),
    userIds: Type.Optional(Type.Array(id, { maxItems: 500, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const subscriptionParams = Type.Object({ accountId: id, subscriptionId: id });

export const usageQuery = Type.Object(
  {
    userId: Type.Optional(id),
    serviceId: Type.Optional(id),
    from: Type.Optional(
      Type.String({ format: 'date', description: "first day, inclusive, in the account's time zone" }),
    ),
    to: Type.Optional(Type.String({ format: 'date', description: 'last day, inclusive' })),
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

export const usagePage = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      occurredAt: Type.String(),
      user: userRef,
      service: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), unit }),
      quantity: Type.Integer(),
      unitNetCents: Type.Integer(),
      /** quantity × unitNetCents */
      netCents: Type.Integer(),
      vatRateBp: Type.Integer(),
      reference: nullableString,
      source: Type.Enum(['gateway', 'batch']),
      billingMonth: Type.String(),
      invoiced: Type.Boolean(),
    }),
  ),
  /** Events matching the filter, and their sums (all pages). */
  total: Type.Integer(),
  totals: Type.Object({ quantity: Type.Integer(), netCents: Type.Integer() }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const usageFilters = Type.Object({
  users: Type.Array(userRef, { description: "The account's own users" }),
  services: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), unit }), {
    description: 'Every service of the catalogue',
  }),
});
