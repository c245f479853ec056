import { defineErrors } from '../../shared/app-error.ts';

export const accountErrors = defineErrors({
  MAIN_USER_ACTIVE: 409,
  LINK_RECENTLY_SENT: 429,
});
