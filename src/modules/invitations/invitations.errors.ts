import { defineErrors } from '../../shared/app-error.ts';

export const invitationErrors = defineErrors({
  INVITATION_PENDING: 409,
  ALREADY_MEMBER: 409,
  INVITATION_NOT_OPEN: 409,
  INVITATION_OTHER_EMAIL: 403,
  // A personal identity for an address that already has a login: sign in and accept instead.
  IDENTITY_EXISTS: 409,
  // S5: what happened to the link, and whom to ask ({{inviterName}} of {{companyName}}).
  INVITATION_ACCEPTED: 410,
  INVITATION_REVOKED: 410,
  INVITATION_EXPIRED: 410,
});
