import { defineErrors } from '../../shared/app-error.ts';

export const actingErrors = defineErrors({
  /** The owner lets the provider only provision: no changes in the account on its order. */
  PROVIDER_ACTING_OFF: 403,
});
