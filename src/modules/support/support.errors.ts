import { defineErrors } from '../../shared/app-error.ts';

export const supportErrors = defineErrors({
  // An attachment's bytes are not one of the allowed kinds, or not the kind it claims to be.
  SUPPORT_ATTACHMENT_TYPE: 400,
  // An attachment is larger than {{megabytes}} MiB.
  SUPPORT_ATTACHMENT_TOO_LARGE: 400,
  // An attachment's data is not valid base64.
  SUPPORT_ATTACHMENT_INVALID: 400,
  // The author is no longer a member with "open support requests" or a contact allowed to raise requests.
  SUPPORT_AUTHOR_NOT_ALLOWED: 403,
});
