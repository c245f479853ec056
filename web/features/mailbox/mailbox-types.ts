export type MailStatus = 'pending' | 'sent' | 'failed' | 'mailbox';

export interface MailSummary {
  id: string;
  to: string;
  subject: string;
  status: MailStatus;
  createdAt: string;
  sentAt: string | null;
}

export interface MailboxPage {
  items: MailSummary[];
  total: number;
  page: number;
  pageSize: number;
  delivery: 'mailbox' | 'smtp';
}

export interface MailMessage extends MailSummary {
  text: string;
  html: string | null;
}
