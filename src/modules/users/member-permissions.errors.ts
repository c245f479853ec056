import { defineErrors } from '../../shared/app-error.ts';

export const memberPermissionErrors = defineErrors({
  PERMISSION_UNKNOWN: 400,
  PERMISSION_NOT_HELD: 403,
  ADMINS_HOLD_ALL_PERMISSIONS: 409,
});
