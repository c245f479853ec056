import { defineErrors } from '../../shared/app-error.ts';

export const userErrors = defineErrors({
  SEAT_LIMIT_REACHED: 409,
  LAST_ADMIN: 409,
  OWNER_KEEPS_ADMIN_RIGHT: 409,
  CANNOT_DELETE_OWNER: 409,
  ADMIN_EMAIL_REQUIRED: 400,
  EMAIL_TAKEN: 409,
  USERNAME_TAKEN: 409,
  IMPORT_COLUMNS_MISSING: 400,
  IMPORT_HAS_ERRORS: 400,
});
