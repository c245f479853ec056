import { defineErrors } from '../../shared/app-error.ts';

export const authErrors = defineErrors({
  SIGN_IN_FAILED: 401,
  EMAIL_NOT_CONFIRMED: 403,
  ACCOUNT_SUSPENDED: 403,
  USER_DISABLED: 403,
  // A personal identity whose every invitation has been withdrawn (M1): nowhere to act.
  NO_MEMBERSHIP: 403,
  CUSTOMER_NUMBER_INVALID: 400,
});
