import { defineErrors } from '../../shared/app-error.ts';

export const linkErrors = defineErrors({
  LINK_INVALID: 404,
  LINK_USED: 410,
  LINK_EXPIRED: 410,
});
