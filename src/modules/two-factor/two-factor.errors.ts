import { defineErrors } from '../../shared/app-error.ts';

export const twoFactorErrors = defineErrors({
  TWO_FACTOR_CODE_WRONG: 400,
  /** Unknown, used, ended or older than 5 minutes: sign in with the password again. */
  TWO_FACTOR_CHALLENGE_INVALID: 401,
  TWO_FACTOR_TOO_MANY_TRIES: 429,
  TWO_FACTOR_ALREADY_ENABLED: 409,
  TWO_FACTOR_NOT_ENABLED: 409,
  TWO_FACTOR_ENROLMENT_NOT_STARTED: 409,
  TWO_FACTOR_REQUIRED_BY_ACCOUNT: 409,
  /** Issue 16: the provider requires a second factor of every operator. */
  TWO_FACTOR_REQUIRED_FOR_OPERATORS: 409,
});
