// Row types as the application sees them (CamelCasePlugin maps them to snake_case columns).
// Timestamps are ISO-8601 UTC strings on both dialects, so the same code compares and sorts them.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Salutation } from '../shared/names.ts';
import type {
  BankStatementEntriesTable,
  BankStatementsTable,
  DirectDebitCollectionsTable,
  OnlinePaymentsTable,
  PaymentRemindersTable,
  PaymentsTable,
  SepaMandatesTable,
} from './schema-payments.ts';

export interface OperatorsTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  locale: string;
  createdAt: string;
  updatedAt: string;
  /** Issue 16: the operator's roles, a JSON array of names (shared/operator-roles.ts). */
  roles: string;
  /** Invited: no password yet, the invitation link sets it. Disabled: cannot sign in, sessions ended. */
  status: OperatorStatus;
}

export type OperatorStatus = 'invited' | 'active' | 'disabled';

export type ActionTokenPurpose =
  | 'operator_setup'
  /** Issue 16: an invited operator sets their password; 48 hours. */
  | 'operator_invitation'
  | 'email_confirmation'
  | 'credentials_reveal'
  | 'password_reset'
  | 'email_change'
  | 'operator_password_reset'
  | 'activation'
  /** P6: the desktop program opens the online account, signed in; 60 seconds, single use. */
  | 'portal_link';

export interface ActionTokensTable {
  id: string;
  purpose: ActionTokenPurpose;
  tokenHash: string;
  operatorId: string | null;
  userId: string | null;
  newEmail: string | null;
  sealedSecret: string | null;
  expiresAt: string;
  /** Set when the link is used up, and also when it is revoked (then revokedAt says so). */
  usedAt: string | null;
  createdAt: string;
  /** When the link was first checked (opened), activation links only. */
  openedAt: Generated<string | null>;
  /** When a newer link of the kind replaced it, or it was withdrawn. */
  revokedAt: Generated<string | null>;
}

export type AccountStatus = 'pending_confirmation' | 'active' | 'suspended';

export interface AccountsTable {
  id: string;
  customerNumber: string;
  name: string;
  status: AccountStatus;
  seatLimit: number;
  seatsUsed: Generated<number>;
  locale: string;
  timezone: string;
  billingStreet: string | null;
  billingPostalCode: string | null;
  billingCity: string | null;
  billingCountry: string | null;
  vatId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Name and customer number, folded for search (shared/search-text.ts). */
  searchText: Generated<string>;
  /** 1: every member signs in with a second factor (S8), and enrols at their next sign-in. */
  twoFactorRequired: Generated<number>;
  /** Issue 16: 1: the provider's support may act in the account on its order (the owner decides). */
  providerMayAct: Generated<number>;
  /** P1: days from the issue date to the due date of the account's invoices, set by operators. */
  paymentTermDays: Generated<number>;
  /** P5: 1 while an operator has paused the account's payment reminders. */
  remindersPaused: Generated<number>;
}

export type UserStatus = 'pending_activation' | 'active' | 'disabled';

export interface UsersTable {
  id: string;
  /** Null for a personal identity (M1): a person invited without a login of their own. */
  homeAccountId: string | null;
  userNumber: string;
  username: string;
  salutation: Salutation | null;
  title: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  emailConfirmedAt: string | null;
  passwordHash: string | null;
  status: UserStatus;
  locale: string | null;
  createdAt: string;
  updatedAt: string;
  /** User name, names, e-mail and user number, folded for search (shared/search-text.ts). */
  searchText: Generated<string>;
  /** S6: argon2 of the PIN and of the normalized security answer; only identify a caller, never sign in. */
  pinHash: Generated<string | null>;
  securityQuestion: Generated<string | null>;
  securityAnswerHash: Generated<string | null>;
  /** The service desk's failed identification tries in a row, and until when it must wait. */
  identificationFailures: Generated<number>;
  identificationLockedUntil: Generated<string | null>;
}

export type Role = 'owner' | 'admin' | 'member';

export interface MembershipsTable {
  accountId: string;
  userId: string;
  role: Role;
  createdAt: string;
  /** JSON array of catalogue permissions a member holds (shared/permissions.ts); owners and admins hold all. */
  permissions: Generated<string>;
  /** JSON array of the notification categories the member chose for this account (C2). */
  notificationCategories: Generated<string>;
}

/** C1: a person of an account who never signs in but receives e-mail by category. */
export interface ContactsTable {
  id: string;
  accountId: string;
  name: string;
  email: string;
  phone: string | null;
  locale: string;
  /** JSON array of notification categories (shared/notification-categories.ts). */
  categories: Generated<string>;
  /** C3: 1 when the contact may raise support requests for the account. */
  mayOpenRequests: Generated<number>;
  unsubscribeKey: string;
  createdAt: string;
  updatedAt: string;
}

export type SupportState = 'open' | 'waiting_for_customer' | 'closed';
export type SupportAuthorKind = 'member' | 'contact' | 'operator';

/** C3: a support request of an account; its number is the reference ("K-000123"). */
export type CredentialRequestState = 'open' | 'sent' | 'dismissed';

/** Issue 11.6: someone asked for the access data of an account; an operator answers to its admins. */
export interface CredentialRequestsTable {
  id: string;
  accountId: string;
  requesterName: string;
  /** Lower-cased. */
  requesterEmail: string;
  message: string | null;
  via: 'web' | 'email';
  /** The e-mail's Message-ID; unique, so a redelivered message is filed once. */
  messageId: string | null;
  state: CredentialRequestState;
  createdAt: string;
  answeredAt: string | null;
  answeredByOperatorId: string | null;
}

/** A remote-support session (R1): its number, who hosts it, and who joined. */
export interface SupportSessionsTable {
  id: string;
  /** Six digits, unique while the session (and so its log) is stored. */
  number: string;
  mode: 'support' | 'show';
  state: 'open' | 'active' | 'ended' | 'expired';
  hostOperatorId: string | null;
  hostUserId: string | null;
  /** The account a user hosted it in; null for an operator's session. */
  accountId: string | null;
  hostName: string;
  clientName: string | null;
  clientAddress: string | null;
  createdAt: string;
  expiresAt: string;
  admittedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
}

/** A line of a session's log (R6), in the order it was written. */
export interface SupportSessionEventsTable {
  id: Generated<number>;
  sessionId: string;
  at: string;
  actor: 'host' | 'client' | 'server';
  kind: string;
  /** JSON object. */
  details: string;
}

export interface SupportRequestsTable {
  id: string;
  accountId: string;
  number: number;
  subject: string;
  state: SupportState;
  requesterUserId: string | null;
  requesterContactId: string | null;
  requesterName: string;
  requesterEmail: string;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
}

export interface SupportMessagesTable {
  id: string;
  requestId: string;
  authorKind: SupportAuthorKind;
  authorId: string | null;
  authorName: string;
  body: string;
  via: 'web' | 'email';
  /** The e-mail's Message-ID, for threading inbound mail. */
  messageId: string | null;
  createdAt: string;
}

/** Kontor's own support e-mails by Message-ID, so a reply by e-mail finds its request. */
export interface SupportOutgoingMailTable {
  messageId: string;
  requestId: string;
  createdAt: string;
}

export interface SupportAttachmentsTable {
  id: string;
  /** The support message it belongs to. */
  messageId: string;
  filename: string;
  contentType: string;
  size: number;
  /** Its place among the message's attachments, from 0. */
  position: number;
  content: Buffer;
  createdAt: string;
}

export type UserChangeKind = 'created' | 'changed' | 'deleted' | 'reassigned';

/** P3: what happened to an account's users, in commit order per account, for the desktop program. */
export interface UserChangesTable {
  id: Generated<number>;
  accountId: string;
  userId: string;
  userNumber: string;
  kind: UserChangeKind;
  at: string;
}

/** An online service of the catalogue (P4, D1); the program names it by code. */
export interface ServicesTable {
  id: string;
  code: string;
  nameDe: string;
  nameEn: string;
  nameHu: string;
  unit: string;
  adapter: 'demo' | 'http';
  providerUrl: string | null;
  active: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

/** Holds from validFrom until the service's next price; never changed once written. */
export interface PricesTable {
  id: string;
  serviceId: string;
  netCents: number;
  /** Basis points: 1900 is 19 %. */
  vatRateBp: number;
  validFrom: string;
  createdAt: string;
}

/** userId null: the whole account may use the service; otherwise that user only. */
export interface SubscriptionsTable {
  id: string;
  accountId: string;
  serviceId: string;
  userId: string | null;
  startedAt: string;
  endedAt: string | null;
  createdAt: string;
}

/** One billable use at the price of its moment; never deleted. */
export interface UsageEventsTable {
  id: string;
  accountId: string;
  userId: string;
  userNumber: string;
  userName: string;
  serviceId: string;
  quantity: number;
  unitNetCents: number;
  vatRateBp: number;
  occurredAt: string;
  /** YYYY-MM of occurredAt in the account's time zone. */
  billingMonth: string;
  recordedAt: string;
  source: 'gateway' | 'batch';
  /** "batch:" and the meter's key, or "gateway:" and the id of the gateway request it charged: never alike. */
  idempotencyKey: string;
  reference: string | null;
  invoiceId: string | null;
}

export type GatewayRequestState = 'pending' | 'succeeded' | 'failed';

/** A gateway request's claimed idempotency key and, once done, its answer (usage/gateway.service.ts). */
export interface GatewayRequestsTable {
  id: string;
  accountId: string;
  idempotencyKey: string;
  fingerprint: string;
  state: GatewayRequestState;
  claimToken: string;
  claimedAt: string;
  statusCode: number | null;
  responseBody: string | null;
  errorCode: string | null;
  usageEventId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type InvoiceKind = 'invoice' | 'credit_note';

/**
 * An issued invoice or credit note (B1, B2): its number is assigned in the transaction that creates it, and
 * buyer and seller are copied as they were then. Never changed, never deleted; a credit note corrects it.
 */
export interface InvoicesTable {
  id: string;
  accountId: string;
  kind: InvoiceKind;
  /** "2026-000001"; credit notes "G-2026-000001". */
  number: string;
  /** YYYY-MM: the month billed (unique per account for invoices); a credit note's is its invoice's. */
  billingMonth: string;
  issueDate: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string | null;
  language: 'de' | 'en' | 'hu';
  buyerName: string;
  buyerCustomerNumber: string;
  buyerStreet: string | null;
  buyerPostalCode: string | null;
  buyerCity: string | null;
  buyerCountry: string;
  buyerVatId: string | null;
  sellerName: string;
  sellerStreet: string;
  sellerPostalCode: string;
  sellerCity: string;
  sellerCountry: string;
  sellerVatId: string | null;
  sellerTaxNumber: string | null;
  sellerEmail: string;
  netCents: number;
  vatCents: number;
  grossCents: number;
  /** JSON: [{ vatRateBp, netCents, vatCents }], per rate as issued. */
  vatBreakdown: string;
  correctsInvoiceId: string | null;
  reason: string | null;
  status: 'issued';
  createdAt: string;
  finalizedAt: string;
  /** P2: the provider's bank account as printed on the invoice when it was issued (null: none configured). */
  payeeIban: string | null;
  payeeBic: string | null;
  payeeHolder: string | null;
}

export interface InvoiceLinesTable {
  id: string;
  invoiceId: string;
  position: number;
  serviceId: string;
  serviceCode: string;
  description: string;
  unit: string;
  quantity: number;
  unitNetCents: number;
  netCents: number;
  vatRateBp: number;
  /** Set on a late line (usage of an earlier month): that month's first and last day. */
  periodFrom: string | null;
  periodTo: string | null;
  /** A credit note's line names the invoice line it credits. */
  correctsLineId: string | null;
}

/** Per user and service: who made which requests. */
export interface InvoiceAppendixTable {
  invoiceId: string;
  position: number;
  userNumber: string;
  userName: string;
  serviceId: string;
  serviceCode: string;
  description: string;
  quantity: number;
  netCents: number;
}

/** The last number given per kind and year; updated (and so locked) in the issuing transaction. */
export interface InvoiceNumberSeriesTable {
  kind: InvoiceKind;
  year: number;
  lastNumber: number;
}

/** The documents as issued: the PDF/A-3 with the XML embedded, and the XML on its own. */
export interface InvoiceDocumentsTable {
  invoiceId: string;
  pdf: Buffer;
  xml: string;
  createdAt: string;
}

export interface AccessKeysTable {
  id: string;
  userId: string;
  keyHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** M1: an invitation of a person, by e-mail, into an account with chosen permissions. */
export interface InvitationsTable {
  id: string;
  accountId: string;
  email: string;
  /** JSON array of catalogue permissions the invited person will hold. */
  permissions: string;
  invitedBy: string | null;
  tokenHash: string;
  expiresAt: string;
  openedAt: string | null;
  acceptedAt: string | null;
  acceptedBy: string | null;
  revokedAt: string | null;
  /** JSON array of the notification categories the invitee will receive (C2). */
  notificationCategories: string;
  createdAt: string;
}

/** T1: what the express setup set for the whole account; no row means the defaults. */
export interface ExpressAccountSettingsTable {
  accountId: string;
  greetingMode: 'default' | 'custom';
  customGreeting: string | null;
  /** Takes the calls to the main number; null means the owner. */
  operatorUserId: string | null;
  updatedAt: string;
}

/** T1: a user's own settings in one account; no row means the defaults. */
export interface ExpressUserSettingsTable {
  accountId: string;
  userId: string;
  /** E.164. */
  mobilePhone: string | null;
  landlinePhone: string | null;
  /** IANA. */
  timeZone: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  dateFormat: string;
  timeFormat: string;
  voicemailMode: 'default' | 'custom';
  customVoicemailGreeting: string | null;
  clientKind: string | null;
  updatedAt: string;
}

/** T1: a user's desk phone, by catalogue manufacturer and model, with a MAC address and/or serial number. */
export interface ExpressPhonesTable {
  id: string;
  accountId: string;
  userId: string;
  manufacturer: string;
  model: string;
  /** AA:BB:CC:DD:EE:FF. */
  macAddress: string | null;
  serialNumber: string | null;
  createdAt: string;
}

/** T1: where the account's wizard stands. */
export interface ExpressSetupProgressTable {
  accountId: string;
  step: string;
  state: 'open' | 'finished' | 'dismissed';
  updatedAt: string;
}

/** C4: registrant data for domain registration only; never a recipient of e-mail, never a requester. */
export interface DomainContactsTable {
  id: string;
  accountId: string;
  kind: 'person' | 'organisation';
  /** Null for a person. */
  organisation: string | null;
  /** The registrant, or for an organisation the person responsible. */
  firstName: string;
  lastName: string;
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** E.164. */
  phone: string;
  email: string;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEventsTable {
  id: string;
  accountId: string | null;
  actorType: 'user' | 'operator' | 'system';
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: string | null;
  ipAddress: string | null;
  createdAt: string;
  /** JSON: the actor's name when it happened, { title, firstName, lastName } or { name }. */
  actorName: string | null;
  /** JSON: the target's name when it happened, as actorName. */
  targetName: string | null;
  /** Issue 16: what kind of actor it was then (audit.service.ts); null in entries written before. */
  actorKind: AuditActorKind | null;
  /** Issue 16: JSON, the roles an operator held then. */
  actorRoles: string | null;
}

export type AuditActorKind = 'customer_user' | 'invited_user' | 'operator' | 'system';

export interface SessionsTable {
  id: string;
  tokenHash: string;
  operatorId: string | null;
  userId: string | null;
  activeAccountId: string | null;
  staySignedIn: Generated<number>;
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
  /** The sender's display name when the e-mail was written (the provider's name). */
  fromName: string | null;
  /** RFC 8058: the one-click unsubscribe address of a notification to a contact. */
  listUnsubscribe: string | null;
  /** Where replies go: the support address, on support e-mails when Kontor receives mail. */
  replyTo: string | null;
  /** RFC 3834: `auto-generated` (notifications) or `auto-replied`; null on personal e-mail. */
  autoSubmitted: string | null;
}

/** Failed sign-ins per sign-in identifier, known or not (S7). */
export interface SignInThrottlesTable {
  identifierHash: string;
  failedSignIns: Generated<number>;
  lastFailedAt: string | null;
  lockedUntil: string | null;
}

export interface ProviderProfileTable {
  id: number;
  name: string | null;
  address: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
  website: string | null;
  legalNotice: string | null;
  logoType: string | null;
  logoData: string | null;
  updatedAt: string;
  /** The installation's legal seller, printed on every invoice (§14 UStG); the invoice run needs it. */
  sellerName: string | null;
  sellerStreet: string | null;
  sellerPostalCode: string | null;
  sellerCity: string | null;
  /** ISO 3166-1 alpha-2. */
  sellerCountry: string | null;
  sellerVatId: string | null;
  /** Steuernummer, for a seller without a VAT id. */
  sellerTaxNumber: string | null;
  sellerEmail: string | null;
  /** P2, P3: the account customers pay to, and the SEPA creditor identifier for direct debits. */
  bankAccountHolder: string | null;
  bankIban: string | null;
  bankBic: string | null;
  sepaCreditorId: string | null;
  /** P5: a first reminder this many days after the due date, a second this many after the first. */
  firstReminderDays: number;
  secondReminderDays: number;
  /** P3: the pre-notification goes out at least this many days before a collection. */
  directDebitNoticeDays: number;
  /** Issue 16: 1: every operator signs in with a second factor, and enrols at their next sign-in. */
  operatorTwoFactorRequired: number;
}

/** A person's authenticator app (S8); one per user or operator. */
export interface TwoFactorCredentialsTable {
  id: string;
  userId: string | null;
  operatorId: string | null;
  /** Base32, stored as is: Kontor has no server key to seal it with (docs/SECURITY.md). */
  secret: string;
  confirmedAt: string | null;
  lastUsedStep: number | null;
  createdAt: string;
}

export interface TwoFactorRecoveryCodesTable {
  id: string;
  credentialId: string;
  codeHash: string;
  usedAt: string | null;
}

/** Between a correct password and the session: asks for the code (or enrolment). */
export interface TwoFactorChallengesTable {
  id: string;
  tokenHash: string;
  userId: string | null;
  operatorId: string | null;
  staySignedIn: number;
  /** Codes tried, counted before each is checked; the fifth wrong one ends the challenge. */
  attempts: Generated<number>;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}

/** T2: an account's number block; the main number is the prefix + "0", extensions run 0 … lastExtension. */
export interface NumberBlocksTable {
  accountId: string;
  /** E.164 without the extension: "+493012345". */
  prefix: string;
  lastExtension: number;
  /** E.164 inside the block, or null. */
  faxNumber: string | null;
  createdAt: string;
  updatedAt: string;
}

/** T2: a member's extension and direct-dial number from the account's block; unique in the account. */
export interface MemberNumbersTable {
  accountId: string;
  userId: string;
  /** Decimal digits without a leading zero; "0" is the main number's. */
  extension: string;
  /** E.164 inside the block. */
  directDial: string;
  createdAt: string;
  updatedAt: string;
}

export type HostedProductState = 'active' | 'suspended' | 'ended';

/** D1: a product the provider hosts for an account (a server, a mailbox …), assigned by an operator. */
/** D2: an account's domain, registered for one of its domain contacts. */
export interface DomainsTable {
  id: string;
  accountId: string;
  /** ASCII (IDN as punycode), lower case, no trailing dot. */
  name: string;
  registrantId: string;
  redirectKind: 'ip' | 'url' | null;
  redirectTarget: string | null;
  /** SOA serial, YYYYMMDDnn. */
  zoneSerial: number;
  createdAt: string;
  updatedAt: string;
}

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'SRV' | 'CAA';

/** D2: one resource record of a domain's zone; the name is relative to the zone ("@" is the apex). */
export interface DnsRecordsTable {
  id: string;
  domainId: string;
  name: string;
  type: DnsRecordType;
  ttl: number;
  value: string;
  priority: number | null;
  weight: number | null;
  port: number | null;
  flags: number | null;
  tag: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HostedProductsTable {
  id: string;
  accountId: string;
  name: string;
  /** Calendar date, YYYY-MM-DD. */
  startedOn: string;
  state: HostedProductState;
  endedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Database {
  operators: OperatorsTable;
  actionTokens: ActionTokensTable;
  sessions: SessionsTable;
  outboxEmails: OutboxEmailsTable;
  accounts: AccountsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  contacts: ContactsTable;
  domainContacts: DomainContactsTable;
  supportRequests: SupportRequestsTable;
  credentialRequests: CredentialRequestsTable;
  supportSessions: SupportSessionsTable;
  supportSessionEvents: SupportSessionEventsTable;
  supportMessages: SupportMessagesTable;
  supportAttachments: SupportAttachmentsTable;
  supportOutgoingMail: SupportOutgoingMailTable;
  accessKeys: AccessKeysTable;
  userChanges: UserChangesTable;
  services: ServicesTable;
  prices: PricesTable;
  subscriptions: SubscriptionsTable;
  usageEvents: UsageEventsTable;
  gatewayRequests: GatewayRequestsTable;
  invoices: InvoicesTable;
  invoiceLines: InvoiceLinesTable;
  invoiceAppendix: InvoiceAppendixTable;
  invoiceNumberSeries: InvoiceNumberSeriesTable;
  invoiceDocuments: InvoiceDocumentsTable;
  auditEvents: AuditEventsTable;
  providerProfile: ProviderProfileTable;
  signInThrottles: SignInThrottlesTable;
  twoFactorCredentials: TwoFactorCredentialsTable;
  twoFactorRecoveryCodes: TwoFactorRecoveryCodesTable;
  twoFactorChallenges: TwoFactorChallengesTable;
  expressAccountSettings: ExpressAccountSettingsTable;
  expressUserSettings: ExpressUserSettingsTable;
  expressPhones: ExpressPhonesTable;
  expressSetupProgress: ExpressSetupProgressTable;
  numberBlocks: NumberBlocksTable;
  memberNumbers: MemberNumbersTable;
  hostedProducts: HostedProductsTable;
  domains: DomainsTable;
  dnsRecords: DnsRecordsTable;
  payments: PaymentsTable;
  sepaMandates: SepaMandatesTable;
  directDebitCollections: DirectDebitCollectionsTable;
  bankStatements: BankStatementsTable;
  bankStatementEntries: BankStatementEntriesTable;
  paymentReminders: PaymentRemindersTable;
  onlinePayments: OnlinePaymentsTable;
}

export type Operator = Selectable<OperatorsTable>;
export type NewOperator = Insertable<OperatorsTable>;
export type OperatorUpdate = Updateable<OperatorsTable>;
export type OutboxEmail = Selectable<OutboxEmailsTable>;
export type Session = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;
export type Account = Selectable<AccountsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type Contact = Selectable<ContactsTable>;
export type DomainContact = Selectable<DomainContactsTable>;
export type Domain = Selectable<DomainsTable>;
export type DnsRecord = Selectable<DnsRecordsTable>;
export type SupportRequest = Selectable<SupportRequestsTable>;
export type CredentialRequest = Selectable<CredentialRequestsTable>;
export type SupportMessage = Selectable<SupportMessagesTable>;
export type SupportAttachment = Selectable<SupportAttachmentsTable>;
export type User = Selectable<UsersTable>;
/** The caller-identification columns, written only by activation and the service desk's checks. */
export type UserSecretColumns =
  | 'pinHash'
  | 'securityQuestion'
  | 'securityAnswerHash'
  | 'identificationFailures'
  | 'identificationLockedUntil';
/** A user as written: the search column is the repository's to fill, the secrets are activation's. */
export type NewUser = Omit<User, 'searchText' | UserSecretColumns>;
export type NewAccount = Omit<
  Account,
  'searchText' | 'twoFactorRequired' | 'paymentTermDays' | 'remindersPaused' | 'providerMayAct'
>;
export type Invoice = Selectable<InvoicesTable>;
export type InvoiceLine = Selectable<InvoiceLinesTable>;
export type InvoiceAppendixRow = Selectable<InvoiceAppendixTable>;
