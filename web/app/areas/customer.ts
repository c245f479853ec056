// The customer area's pages, in one chunk.
export { AccountArea } from '../../features/account/AccountArea.tsx';
export { ChangeEmailPage } from '../../features/account/ChangeEmailPage.tsx';
export { ChangePasswordPage } from '../../features/account/ChangePasswordPage.tsx';
export { IdentificationPage } from '../../features/account/IdentificationPage.tsx';
export { OverviewPage } from '../../features/account/OverviewPage.tsx';
export { SessionsPage } from '../../features/account/SessionsPage.tsx';
export { ChooseAccountPage } from '../../features/account-switch/ChooseAccountPage.tsx';
export { AuditPage } from '../../features/audit/AuditPage.tsx';
export { ContactsPage } from '../../features/contacts/ContactsPage.tsx';
export { MyNotificationsPage } from '../../features/contacts/MyNotificationsPage.tsx';
export { NotificationRoutingPage } from '../../features/contacts/NotificationRoutingPage.tsx';
export { DomainContactsPage } from '../../features/domain-contacts/DomainContactsPage.tsx';
export { SupportPage } from '../../features/support/SupportPage.tsx';
export { SupportRequestPage } from '../../features/support/SupportRequestPage.tsx';
export { MyTwoFactorPage } from '../../features/two-factor/MyTwoFactorPage.tsx';
export { UsersPage } from '../../features/users/UsersPage.tsx';
