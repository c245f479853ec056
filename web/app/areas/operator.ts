// The operator area's pages, in one chunk.
export { CataloguePage } from '../../features/catalogue/CataloguePage.tsx';
export { ServicePage } from '../../features/catalogue/ServicePage.tsx';
export { OperatorCredentialRequestsPage } from '../../features/credential-requests/OperatorCredentialRequestsPage.tsx';
export { OperatorInvoiceRunsPage } from '../../features/invoices/OperatorInvoiceRunsPage.tsx';
export { MailboxPage } from '../../features/mailbox/MailboxPage.tsx';
export { MailMessagePage } from '../../features/mailbox/MailMessagePage.tsx';
export { AccountDetailPage } from '../../features/operator/AccountDetailPage.tsx';
export { CustomerAccountsPage } from '../../features/operator/CustomerAccountsPage.tsx';
export { NewAccountPage } from '../../features/operator/NewAccountPage.tsx';
export { OperatorArea } from '../../features/operator/OperatorArea.tsx';
export { OperatorAuditPage } from '../../features/operator/OperatorAuditPage.tsx';
export { ProviderPage } from '../../features/operator/ProviderPage.tsx';
export { OperatorRemoteSessionPage } from '../../features/remote-support/HostSessionPage.tsx';
export { OperatorRemoteSupportPage } from '../../features/remote-support/RemoteSupportPage.tsx';
export { OperatorSupportRequestPage } from '../../features/support/OperatorSupportRequestPage.tsx';
export { SupportInboxPage } from '../../features/support/SupportInboxPage.tsx';
export { OperatorTwoFactorPage } from '../../features/two-factor/OperatorTwoFactorPage.tsx';
