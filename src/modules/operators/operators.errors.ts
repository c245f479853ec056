import { defineErrors } from '../../shared/app-error.ts';

export const operatorErrors = defineErrors({
  SETUP_LINK_INVALID: 404,
  SETUP_LINK_USED: 410,
  SETUP_LINK_EXPIRED: 410,
  OPERATOR_EMAIL_TAKEN: 409,
  SIGN_IN_FAILED: 401,
  /** Issue 16: the last active operator admin keeps the role. */
  LAST_OPERATOR_ADMIN: 409,
  OPERATOR_CANNOT_DISABLE_SELF: 409,
  OPERATOR_NOT_INVITED: 409,
  /** Requiring a second factor of everyone takes having one oneself. */
  OPERATOR_TWO_FACTOR_FIRST: 409,
});
