import { defineErrors } from '../../shared/app-error.ts';

export const providerErrors = defineErrors({
  PHONE_INVALID: 400,
  LOGO_INVALID: 400,
});
