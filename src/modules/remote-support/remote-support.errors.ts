import { defineErrors } from '../../shared/app-error.ts';

export const remoteSupportErrors = defineErrors({
  // A wrong number and an expired or used one answer alike, so guessing tells nothing (SECURITY.md 31).
  REMOTE_SUPPORT_NUMBER_INVALID: 404,
  // The session has ended or expired: its socket cannot be opened again.
  REMOTE_SUPPORT_SESSION_CLOSED: 409,
  // A frame that is not one of the protocol's, or not valid JSON.
  REMOTE_SUPPORT_MESSAGE_INVALID: 400,
  // A frame the sender may not send now: before admission, from the wrong side, or in the wrong state.
  REMOTE_SUPPORT_NOT_ALLOWED: 403,
  // The sharing side offered a picture before it said yes (R3).
  REMOTE_SUPPORT_CONSENT_REQUIRED: 403,
  REMOTE_SUPPORT_FILE_TOO_LARGE: 413,
  REMOTE_SUPPORT_TRANSFER_UNKNOWN: 404,
});
