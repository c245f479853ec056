/** One entry of GET /api/v1/accounts/:accountId/audit and GET /api/v1/operator/audit. */
export interface AuditEvent {
  id: string;
  createdAt: string;
  accountId: string | null;
  /** The account the entry belongs to, with its name as it is now. */
  account: { id: string; name: string; customerNumber: string } | null;
  action: string;
  actor: { type: 'user' | 'operator' | 'system' | string; id: string | null; name: string | null };
  target: { type: string; id: string; name: string | null } | null;
  details: Record<string, unknown> | null;
  ipAddress: string | null;
}

export interface AuditPage {
  page: number;
  pageSize: number;
  items: AuditEvent[];
}

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
] as const;

export type AuditAction = (typeof auditActions)[number];

export const isAuditAction = (action: string): action is AuditAction =>
  (auditActions as readonly string[]).includes(action);
