import { defineErrors } from '../../shared/app-error.ts';

// Field codes are details of VALIDATION_FAILED (or of the 409 they belong to), each under its field.
export const catalogueErrors = defineErrors({
  SERVICE_CODE_INVALID: 400,
  SERVICE_CODE_TAKEN: 409,
  SERVICE_NAME_BLANK: 400,
  SERVICE_PROVIDER_URL_REQUIRED: 400,
  SERVICE_PROVIDER_URL_INVALID: 400,
  PRICE_VALID_FROM_PAST: 400,
  PRICE_VALID_FROM_TAKEN: 409,
  SUBSCRIPTION_SERVICE_UNAVAILABLE: 400,
  SUBSCRIPTION_USERS_REQUIRED: 400,
  SUBSCRIPTION_USER_UNKNOWN: 400,
  SUBSCRIPTION_EXISTS: 409,
  SUBSCRIPTION_ALREADY_ENDED: 409,
  /** Booking and ending are for the account's owner and admins (and operators), not for members. */
  SUBSCRIPTION_ADMIN_REQUIRED: 403,
});
