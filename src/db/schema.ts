// Row types as the application sees them (CamelCasePlugin maps them to snake_case columns).
// Timestamps are ISO-8601 UTC strings on both dialects, so the same code compares and sorts them.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface OperatorsTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  locale: string;
  createdAt: string;
  updatedAt: string;
}

export interface ActionTokensTable {
  id: string;
  purpose: 'operator_setup';
  tokenHash: string;
  operatorId: string | null;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}

export interface SessionsTable {
  id: string;
  tokenHash: string;
  operatorId: string | null;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  ipAddress: string;
  userAgent: string;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'mailbox';

export interface OutboxEmailsTable {
  id: string;
  messageId: string;
  toAddress: string;
  locale: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  status: OutboxStatus;
  attempts: Generated<number>;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface Database {
  operators: OperatorsTable;
  actionTokens: ActionTokensTable;
  sessions: SessionsTable;
  outboxEmails: OutboxEmailsTable;
}

export type Operator = Selectable<OperatorsTable>;
export type NewOperator = Insertable<OperatorsTable>;
export type OperatorUpdate = Updateable<OperatorsTable>;
export type OutboxEmail = Selectable<OutboxEmailsTable>;
export type Session = Selectable<SessionsTable>;
