import { defineErrors } from '../../shared/app-error.ts';

export const contactErrors = defineErrors({
  // The address is already a contact of this account (it may be one of other accounts too).
  CONTACT_EXISTS: 409,
  // A test e-mail of a category was sent a moment ago ({{minutes}} minutes' spacing).
  TEST_NOTIFICATION_SPACING: 429,
});
