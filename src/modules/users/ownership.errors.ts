import { defineErrors } from '../../shared/app-error.ts';

export const ownershipErrors = defineErrors({
  ONLY_OWNER_TRANSFERS: 403,
  NEW_OWNER_MUST_BE_ADMIN: 409,
});
