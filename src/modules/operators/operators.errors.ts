import { defineErrors } from '../../shared/app-error.ts';

export const operatorErrors = defineErrors({
  SETUP_LINK_INVALID: 404,
  SETUP_LINK_USED: 410,
  SETUP_LINK_EXPIRED: 410,
  OPERATOR_EMAIL_TAKEN: 409,
  SIGN_IN_FAILED: 401,
});
