// What each e-mail says, as blocks: paragraphs, a list of facts, buttons. The words come from the shared
// catalogs (locales/*/server.json, under email.<template>.*); the layout turns the same blocks into the
// responsive HTML part and the text part, so both always say the same.

export interface EmailTemplates {
  operatorWelcome: { email: string; signInUrl: string };
  /** Issue 16: the provider's support changed something in the account on its order; `change` says what. */
  providerActed: {
    operatorName: string;
    companyName: string;
    customerNumber: string;
    change: string;
    auditUrl: string;
  };
  /** Issue 16: the roles named in the invitee's language. */
  operatorInvitation: { inviterName: string; roles: string; acceptUrl: string };
  registrationWelcome: {
    companyName: string;
    customerNumber: string;
    userNumber: string;
    confirmUrl: string;
    revealUrl: string;
  };
  registrationExistingAddress: { signInUrl: string; resetUrl: string };
  passwordReset: { resetUrl: string };
  passwordChanged: { resetUrl: string };
  accountProvisioned: {
    companyName: string;
    customerNumber: string;
    userNumber: string;
    activationUrl: string;
  };
  userActivation: {
    companyName: string;
    customerNumber: string;
    userNumber: string;
    username: string;
    activationUrl: string;
  };
  emailChangeConfirm: { newEmail: string; confirmUrl: string };
  emailChangeNotice: { newEmail: string; resetUrl: string };
  userCredentials: UserCredentialsParams;
  userCredentialsForAdmin: UserCredentialsParams & { userName: string };
  adminGranted: {
    actorName: string;
    userName: string;
    userNumber: string;
    companyName: string;
    usersUrl: string;
  };
  ownershipTransferred: { fromName: string; companyName: string; customerNumber: string; accountUrl: string };
  invitation: {
    inviterName: string;
    companyName: string;
    customerNumber: string;
    /** The permissions offered, named in the recipient's language. */
    permissions: string;
    acceptUrl: string;
  };
  /** C2: sent from the routing page, so an admin sees who receives a category's e-mails. */
  notificationTest: { actorName: string; companyName: string; customerNumber: string; category: string };
  /** C3: the reference ("K-000123") stands in the subject, so a reply by e-mail finds the request. */
  /** `byEmail`: Kontor receives mail, so a reply to the e-mail reaches the request. */
  supportReceived: { reference: string; subject: string; requestUrl: string; byEmail: boolean };
  supportAnswer: {
    reference: string;
    subject: string;
    operatorName: string;
    answer: string;
    requestUrl: string;
    byEmail: boolean;
  };
  /** C3 by e-mail: a sender known in several accounts named none; an automatic reply (RFC 3834). */
  supportWhichAccount: { subject: string };
  credentialRequestAnswered: {
    companyName: string;
    customerNumber: string;
    requesterName: string;
    revealUrl: string;
  };
  adminReassigned: {
    actorName: string;
    fromName: string;
    toName: string;
    userNumber: string;
    companyName: string;
    usersUrl: string;
  };
  /** B1: an invoice was issued; the documents are on the Invoices page, not attached. */
  invoiceIssued: {
    companyName: string;
    customerNumber: string;
    number: string;
    period: string;
    gross: string;
    invoicesUrl: string;
  };
  /** D2: a domain, its redirect or one of its DNS records changed (category "domain"). */
  domainChanged: {
    companyName: string;
    customerNumber: string;
    domain: string;
    /** What happened, in the recipient's language ("DNS record added"). */
    change: string;
    /** The record as the zone has it, or the registrant and redirect. */
    detail: string;
    domainUrl: string;
  };
  /** B2: a credit note corrects an invoice. */
  creditNoteIssued: {
    companyName: string;
    customerNumber: string;
    number: string;
    correctsNumber: string;
    gross: string;
    reason: string;
    invoicesUrl: string;
  };
  /** P5: an invoice is open after its due date: first a friendly reminder, then a firmer one. */
  paymentReminderFirst: PaymentReminderParams;
  paymentReminderSecond: PaymentReminderParams;
  /** P3: the pre-notification of a SEPA direct debit, the notice days before it is collected. */
  directDebitNotice: {
    companyName: string;
    customerNumber: string;
    number: string;
    amount: string;
    collectionDate: string;
    /** Shortened: the country, check digits and the last four digits. */
    iban: string;
    accountHolder: string;
    mandateReference: string;
    creditorId: string;
    creditorName: string;
    invoiceUrl: string;
  };
}

/** The bank fields are empty when the provider has no bank account configured. */
type PaymentReminderParams = {
  companyName: string;
  customerNumber: string;
  number: string;
  issueDate: string;
  dueDate: string;
  open: string;
  holder: string;
  iban: string;
  bic: string;
  reference: string;
  invoiceUrl: string;
};

// Types, not interfaces: template params must be plain records for i18next.
type UserCredentialsParams = {
  companyName: string;
  customerNumber: string;
  userNumber: string;
  username: string;
  revealUrl: string;
};

export type EmailTemplateName = keyof EmailTemplates;

export type Block =
  | { kind: 'text'; text: string }
  | { kind: 'facts'; facts: { label: string; value: string }[] }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'note'; text: string };

/** `say('intro')` is the template's own text email.<template>.intro; `label('userNumber')` a shared one. */
export interface Words {
  say: (key: string) => string;
  label: (key: 'customerNumber' | 'userNumber' | 'username' | 'email') => string;
}

const text = (value: string): Block => ({ kind: 'text', text: value });
const note = (value: string): Block => ({ kind: 'note', text: value });
const button = (label: string, url: string): Block => ({ kind: 'button', label, url });
const facts = (...items: [string, string][]): Block => ({
  kind: 'facts',
  facts: items.map(([label, value]) => ({ label, value })),
});

const credentialFacts = ({ label }: Words, params: UserCredentialsParams) =>
  facts(
    [label('customerNumber'), params.customerNumber],
    [label('userNumber'), params.userNumber],
    [label('username'), params.username],
  );

export const templates: {
  [Name in EmailTemplateName]: (params: EmailTemplates[Name], words: Words) => Block[];
} = {
  operatorWelcome: (params, { say, label }) => [
    text(say('intro')),
    facts([label('email'), params.email]),
    button(say('signIn'), params.signInUrl),
    note(say('notExpected')),
  ],
  providerActed: (params, { say, label }) => [
    text(say('intro')),
    facts([label('customerNumber'), params.customerNumber], [say('changeLabel'), params.change]),
    button(say('button'), params.auditUrl),
    note(say('switchOff')),
  ],
  operatorInvitation: (params, { say }) => [
    text(say('intro')),
    facts([say('rolesLabel'), params.roles]),
    button(say('button'), params.acceptUrl),
    note(say('validity')),
    note(say('notExpected')),
  ],
  registrationWelcome: (params, { say, label }) => [
    text(say('intro')),
    facts([label('customerNumber'), params.customerNumber], [label('userNumber'), params.userNumber]),
    text(say('confirm')),
    button(say('confirmButton'), params.confirmUrl),
    text(say('reveal')),
    button(say('revealButton'), params.revealUrl),
    note(say('notYou')),
  ],
  registrationExistingAddress: (params, { say }) => [
    text(say('intro')),
    text(say('wasYou')),
    button(say('signIn'), params.signInUrl),
    text(say('forgot')),
    button(say('reset'), params.resetUrl),
    note(say('notYou')),
  ],
  passwordReset: (params, { say }) => [
    text(say('intro')),
    button(say('button'), params.resetUrl),
    note(say('notYou')),
  ],
  passwordChanged: (params, { say }) => [
    text(say('intro')),
    text(say('notYou')),
    button(say('button'), params.resetUrl),
  ],
  accountProvisioned: (params, { say, label }) => [
    text(say('intro')),
    facts([label('customerNumber'), params.customerNumber], [label('userNumber'), params.userNumber]),
    text(say('activate')),
    button(say('button'), params.activationUrl),
    text(say('afterwards')),
  ],
  userActivation: (params, { say, label }) => [
    text(say('intro')),
    facts(
      [label('customerNumber'), params.customerNumber],
      [label('userNumber'), params.userNumber],
      [label('username'), params.username],
    ),
    text(say('activate')),
    button(say('button'), params.activationUrl),
    note(say('notExpected')),
  ],
  emailChangeConfirm: (params, { say }) => [
    text(say('intro')),
    button(say('button'), params.confirmUrl),
    note(say('notYou')),
  ],
  emailChangeNotice: (params, { say }) => [
    text(say('intro')),
    text(say('notYou')),
    button(say('button'), params.resetUrl),
  ],
  userCredentials: (params, words) => [
    text(words.say('intro')),
    credentialFacts(words, params),
    text(words.say('reveal')),
    button(words.say('button'), params.revealUrl),
    text(words.say('program')),
  ],
  userCredentialsForAdmin: (params, words) => [
    text(words.say('intro')),
    credentialFacts(words, params),
    text(words.say('reveal')),
    button(words.say('button'), params.revealUrl),
    text(words.say('handOver')),
  ],
  adminGranted: (params, { say }) => [
    text(say('intro')),
    text(say('meaning')),
    button(say('button'), params.usersUrl),
    note(say('notExpected')),
  ],
  ownershipTransferred: (params, { say, label }) => [
    text(say('intro')),
    facts([label('customerNumber'), params.customerNumber]),
    text(say('meaning')),
    button(say('button'), params.accountUrl),
  ],
  invitation: (params, { say, label }) => [
    text(say('intro')),
    facts([label('customerNumber'), params.customerNumber], [say('permissionsLabel'), params.permissions]),
    text(say('how')),
    button(say('button'), params.acceptUrl),
    note(say('validity')),
    note(say('notExpected')),
  ],
  notificationTest: (params, { say, label }) => [
    text(say('intro')),
    facts([label('customerNumber'), params.customerNumber]),
    note(say('noAction')),
  ],
  supportReceived: (params, { say }) => [
    text(say('intro')),
    text(say(params.byEmail ? 'replyByEmail' : 'replyHint')),
    button(say('button'), params.requestUrl),
  ],
  supportAnswer: (params, { say }) => [
    text(say('intro')),
    text(params.answer),
    text(say(params.byEmail ? 'replyByEmail' : 'replyHint')),
    button(say('button'), params.requestUrl),
  ],
  supportWhichAccount: (_params, { say }) => [text(say('intro')), text(say('howTo')), note(say('noAction'))],
  credentialRequestAnswered: (params, { say, label }) => [
    text(say('intro')),
    facts([label('customerNumber'), params.customerNumber]),
    text(say('reveal')),
    button(say('button'), params.revealUrl),
    text(say('oldKey')),
    text(say('password')),
    note(say('notExpected')),
  ],
  adminReassigned: (params, { say }) => [
    text(say('intro')),
    text(say('meaning')),
    button(say('button'), params.usersUrl),
    note(say('notExpected')),
  ],
  invoiceIssued: (params, { say, label }) => [
    text(say('intro')),
    facts(
      [say('numberLabel'), params.number],
      [say('periodLabel'), params.period],
      [say('grossLabel'), params.gross],
      [label('customerNumber'), params.customerNumber],
    ),
    button(say('button'), params.invoicesUrl),
    note(say('documents')),
  ],
  domainChanged: (params, { say, label }) => [
    text(say('intro')),
    facts(
      [say('domainLabel'), params.domain],
      [say('changeLabel'), params.change],
      [say('detailLabel'), params.detail],
      [label('customerNumber'), params.customerNumber],
    ),
    button(say('button'), params.domainUrl),
    note(say('notExpected')),
  ],
  creditNoteIssued: (params, { say, label }) => [
    text(say('intro')),
    facts(
      [say('numberLabel'), params.number],
      [say('correctsLabel'), params.correctsNumber],
      [say('grossLabel'), params.gross],
      [say('reasonLabel'), params.reason],
      [label('customerNumber'), params.customerNumber],
    ),
    button(say('button'), params.invoicesUrl),
  ],
  paymentReminderFirst: (params, words) => paymentReminder(params, words),
  paymentReminderSecond: (params, words) => paymentReminder(params, words),
  directDebitNotice: (params, { say, label }) => [
    text(say('intro')),
    facts(
      [say('numberLabel'), params.number],
      [say('amountLabel'), params.amount],
      [say('dateLabel'), params.collectionDate],
      [say('accountLabel'), `${params.accountHolder}, ${params.iban}`],
      [say('mandateLabel'), params.mandateReference],
      [say('creditorIdLabel'), params.creditorId],
      [label('customerNumber'), params.customerNumber],
    ),
    button(say('button'), params.invoiceUrl),
    note(say('balance')),
  ],
};

/** Both reminder levels say the same facts; their words (email.paymentReminder*.*) set the tone. */
function paymentReminder(params: PaymentReminderParams, { say, label }: Words): Block[] {
  const bank: [string, string][] = params.iban
    ? [
        [say('holderLabel'), params.holder],
        [say('ibanLabel'), params.iban],
        ...(params.bic ? [[say('bicLabel'), params.bic] as [string, string]] : []),
        [say('referenceLabel'), params.reference],
      ]
    : [];
  return [
    text(say('intro')),
    facts(
      [say('numberLabel'), params.number],
      [say('issueDateLabel'), params.issueDate],
      [say('dueDateLabel'), params.dueDate],
      [say('openLabel'), params.open],
      [label('customerNumber'), params.customerNumber],
    ),
    text(say(params.iban ? 'howToPay' : 'howToPayPortal')),
    ...(bank.length > 0 ? [facts(...bank)] : []),
    button(say('button'), params.invoiceUrl),
    note(say('alreadyPaid')),
  ];
}
