import { Type } from 'typebox';
import { id, line } from '../auth/auth.schemas.ts';

export const hostedProductState = Type.Enum(['active', 'suspended', 'ended']);

/** A calendar date, YYYY-MM-DD; the service refuses one that does not exist (2026-02-30). */
const calendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const hostedProductBody = Type.Object(
  { name: line(200), startedOn: calendarDate },
  { additionalProperties: false },
);

/** Suspending and resuming; ending has its own route, since it cannot be undone. */
export const hostedProductStateBody = Type.Object(
  { state: Type.Enum(['active', 'suspended']) },
  { additionalProperties: false },
);

export const hostedProduct = Type.Object({
  id: Type.String(),
  name: Type.String(),
  startedOn: Type.String(),
  state: hostedProductState,
  endedAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
});

export const hostedProductList = Type.Object({ items: Type.Array(hostedProduct) });

export const hostedProductParams = Type.Object({ accountId: id, hostedProductId: id });
