import { defineErrors } from '../../shared/app-error.ts';

export const callerErrors = defineErrors({
  CALLER_NOT_FOUND: 404,
  CALLER_NOT_IDENTIFIABLE: 409,
  IDENTIFICATION_LOCKED: 429,
  IDENTIFICATION_NOTHING_TO_CHANGE: 400,
});
