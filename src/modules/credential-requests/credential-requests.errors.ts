import { defineErrors } from '../../shared/app-error.ts';

export const credentialRequestErrors = defineErrors({
  // The request was already sent to the admins or dismissed: one click answers it once.
  CREDENTIAL_REQUEST_ANSWERED: 409,
});
