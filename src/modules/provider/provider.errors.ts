import { defineErrors } from '../../shared/app-error.ts';

export const providerErrors = defineErrors({
  LOGO_INVALID: 400,
});
