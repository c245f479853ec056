import { defineErrors } from '../../shared/app-error.ts';

// Field codes are details of VALIDATION_FAILED, each under its field.
export const hostedProductErrors = defineErrors({
  HOSTED_PRODUCT_NAME_BLANK: 400,
  HOSTED_PRODUCT_START_INVALID: 400,
  /** An ended product stays listed as it ended; it cannot be suspended, resumed or ended again. */
  HOSTED_PRODUCT_ENDED: 409,
});
