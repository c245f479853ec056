/** The actions the server records; each has a label under audit.actions in every catalog. */
export const auditActions = [
  'account.registered',
  'account.provisioned',
  'account.updated',
  'account.suspended',
  'account.reactivated',
  'user.email_confirmed',
  'user.created',
  'user.updated',
  'user.deleted',
  'user.reassigned',
  'user.admin_granted',
  'user.admin_revoked',
  'user.access_key_rotated',
  'user.password_changed',
  'user.password_reset',
  'user.email_changed',
  'provider.updated',
  'account.main_user_link_resent',
  'user.permissions_changed',
  'session.account_switched',
  'account.ownership_transferred',
  'invitation.sent',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'member.removed',
  'account.two_factor_policy_changed',
  'two_factor.enabled',
  'two_factor.disabled',
  'two_factor.recovery_code_used',
  'two_factor.recovery_codes_renewed',
  'user.activated',
  'user.activation_resent',
  'user.caller_identified',
  'user.caller_not_identified',
  'user.identification_changed',
] as const;

export type AuditAction = (typeof auditActions)[number];

export const isAuditAction = (action: string): action is AuditAction =>
  (auditActions as readonly string[]).includes(action);
