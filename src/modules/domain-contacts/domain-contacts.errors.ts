import { defineErrors } from '../../shared/app-error.ts';

// Field codes of C4's checks; each is a detail under its field, the request as a whole is VALIDATION_FAILED.
export const domainContactErrors = defineErrors({
  DOMAIN_CONTACT_BLANK: 400,
  DOMAIN_CONTACT_COUNTRY_INVALID: 400,
  DOMAIN_CONTACT_PHONE_INVALID: 400,
  DOMAIN_CONTACT_ORGANISATION_REQUIRED: 400,
  /** D2: still the registrant of a domain; choose another registrant there first. */
  DOMAIN_CONTACT_IN_USE: 409,
});
