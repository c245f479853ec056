import { defineErrors } from '../../shared/app-error.ts';

// Field codes are details of VALIDATION_FAILED, each under its field; the two 409s concern the block as a whole.
export const numbersErrors = defineErrors({
  NUMBER_PREFIX_INVALID: 400,
  NUMBER_BLOCK_TOO_LONG: 400,
  FAX_NUMBER_OUTSIDE_BLOCK: 400,
  FAX_NUMBER_RESERVED: 400,
  FAX_NUMBER_TAKEN: 400,
  EXTENSION_OUTSIDE_RANGE: 400,
  EXTENSION_RESERVED: 400,
  EXTENSION_TAKEN: 400,
  DIRECT_DIAL_OUTSIDE_BLOCK: 400,
  DIRECT_DIAL_RESERVED: 400,
  DIRECT_DIAL_TAKEN: 400,
  /** The account has no number block yet: an operator gives it one first. */
  NUMBER_BLOCK_MISSING: 409,
  /** A changed block would leave members' extensions or numbers outside it. */
  NUMBER_BLOCK_EXCLUDES_ASSIGNED: 409,
});
