import { defineErrors } from '../../shared/app-error.ts';

export const providerErrors = defineErrors({
  LOGO_INVALID: 400,
  // The seller's country is not an ISO 3166-1 alpha-2 code.
  SELLER_COUNTRY_INVALID: 400,
});
