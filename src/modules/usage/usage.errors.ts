import { defineErrors } from '../../shared/app-error.ts';

export const gatewayErrors = defineErrors({
  GATEWAY_SERVICES_USE_REQUIRED: 403,
  // Unknown code, or a service the provider has switched off.
  GATEWAY_SERVICE_UNKNOWN: 404,
  GATEWAY_NOT_SUBSCRIBED: 403,
  GATEWAY_SERVICE_NOT_PRICED: 409,
  // The key was used before for another request (another body, service or user).
  GATEWAY_IDEMPOTENCY_KEY_REUSED: 422,
  // The first request with this key is still waiting for its provider: ask again after Retry-After.
  GATEWAY_REQUEST_IN_PROGRESS: 409,
  GATEWAY_PROVIDER_TIMEOUT: 504,
  GATEWAY_PROVIDER_FAILED: 502,
  GATEWAY_PROVIDER_BAD_ANSWER: 502,
});

export const batchErrors = defineErrors({
  USAGE_BATCH_TOO_LARGE: 400,
});

/**
 * Why one event of a batch was refused; the batch itself is answered 200 with a result per event. The
 * status is registered for the catalogue only (every code has a status and a message).
 */
export const eventRefusals = defineErrors({
  USAGE_EVENT_INVALID: 422,
  USAGE_EVENT_QUANTITY_INVALID: 422,
  USAGE_EVENT_IN_FUTURE: 422,
  USAGE_EVENT_MONTH_CLOSED: 422,
  USAGE_EVENT_SERVICE_UNKNOWN: 422,
  USAGE_EVENT_USER_UNKNOWN: 422,
  USAGE_EVENT_NOT_SUBSCRIBED: 422,
  USAGE_EVENT_NOT_PRICED: 422,
});
export type EventRefusal = keyof typeof eventRefusals;
