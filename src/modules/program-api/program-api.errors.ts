import { defineErrors } from '../../shared/app-error.ts';

export const programErrors = defineErrors({
  // Customer number, user number or access key in the URL: they would end up in logs and histories.
  PROGRAM_CREDENTIALS_IN_QUERY: 400,
  PROGRAM_CREDENTIALS_MISSING: 401,
  // One code for an unknown customer number, user number or key alike: never says which part was wrong.
  PROGRAM_CREDENTIALS_INVALID: 401,
  PROGRAM_USER_DISABLED: 403,
  PROGRAM_ACCOUNT_SUSPENDED: 403,
  PROGRAM_ACCOUNT_UNCONFIRMED: 403,
  // The program stores the online user name with the credentials; there must be one.
  PROGRAM_USERNAME_MISSING: 403,
  PROGRAM_ADMIN_REQUIRED: 403,
  PROGRAM_USERS_MANAGE_REQUIRED: 403,
  // P6 opens a session; where a second factor is set up or required, the program key alone is not enough.
  PROGRAM_PORTAL_SECOND_FACTOR: 403,
  PROGRAM_CURSOR_INVALID: 400,
});
