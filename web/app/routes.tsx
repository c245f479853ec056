import type { ReactNode } from 'react';
import { AccountArea } from '../features/account/AccountArea.tsx';
import { ChangeEmailPage } from '../features/account/ChangeEmailPage.tsx';
import { ChangePasswordPage } from '../features/account/ChangePasswordPage.tsx';
import { OverviewPage } from '../features/account/OverviewPage.tsx';
import { SessionsPage } from '../features/account/SessionsPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { ConfirmEmailChangePage } from '../features/links/ConfirmEmailChangePage.tsx';
import { ConfirmEmailPage } from '../features/links/ConfirmEmailPage.tsx';
import { RevealPage } from '../features/links/RevealPage.tsx';
import { MailboxPage } from '../features/mailbox/MailboxPage.tsx';
import { MailMessagePage } from '../features/mailbox/MailMessagePage.tsx';
import { NotFoundPage } from '../features/not-found/NotFoundPage.tsx';
import { AccountDetailPage } from '../features/operator/AccountDetailPage.tsx';
import { CustomerAccountsPage } from '../features/operator/CustomerAccountsPage.tsx';
import { NewAccountPage } from '../features/operator/NewAccountPage.tsx';
import { OperatorArea } from '../features/operator/OperatorArea.tsx';
import { OperatorAuditPage } from '../features/operator/OperatorAuditPage.tsx';
import { OperatorSignInPage } from '../features/operator/OperatorSignInPage.tsx';
import { ProviderPage } from '../features/operator/ProviderPage.tsx';
import { ForgotPasswordPage } from '../features/password/ForgotPasswordPage.tsx';
import { ResetPasswordPage } from '../features/password/ResetPasswordPage.tsx';
import { CheckEmailPage } from '../features/register/CheckEmailPage.tsx';
import { RegisterPage } from '../features/register/RegisterPage.tsx';
import { SetupPage } from '../features/setup/SetupPage.tsx';
import { SignInPage } from '../features/sign-in/SignInPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { Loading } from '../ui/Loading.tsx';
import { matchPath, Redirect } from './router.tsx';
import { useSession } from './session.tsx';

type Params = Record<string, string>;

const routes: { pattern: string; render: (params: Params) => ReactNode }[] = [
  { pattern: '/', render: () => <StartPage /> },
  // Customers
  { pattern: '/sign-in', render: () => <SignInPage /> },
  { pattern: '/register', render: () => <RegisterPage /> },
  { pattern: '/register/check-email', render: () => <CheckEmailPage /> },
  { pattern: '/confirm-email', render: () => <ConfirmEmailPage /> },
  { pattern: '/confirm-email-change', render: () => <ConfirmEmailChangePage /> },
  { pattern: '/reveal', render: () => <RevealPage /> },
  { pattern: '/forgot-password', render: () => <ForgotPasswordPage /> },
  { pattern: '/reset-password', render: () => <ResetPasswordPage /> },
  {
    pattern: '/account',
    render: () => <AccountArea>{(session) => <OverviewPage session={session} />}</AccountArea>,
  },
  {
    pattern: '/account/users',
    render: () => <AccountArea>{(session) => <UsersPage session={session} />}</AccountArea>,
  },
  {
    pattern: '/account/audit',
    render: () => <AccountArea>{(session) => <AuditPage session={session} />}</AccountArea>,
  },
  { pattern: '/account/sessions', render: () => <AccountArea>{() => <SessionsPage />}</AccountArea> },
  {
    pattern: '/account/email',
    render: () => <AccountArea>{(session) => <ChangeEmailPage session={session} />}</AccountArea>,
  },
  {
    pattern: '/account/password',
    render: () => <AccountArea>{(session) => <ChangePasswordPage session={session} />}</AccountArea>,
  },
  // Operators
  { pattern: '/setup', render: () => <SetupPage /> },
  { pattern: '/operator/sign-in', render: () => <OperatorSignInPage /> },
  { pattern: '/operator/forgot-password', render: () => <ForgotPasswordPage area="operator" /> },
  { pattern: '/operator/reset-password', render: () => <ResetPasswordPage area="operator" /> },
  { pattern: '/operator', render: () => <Redirect to="/operator/accounts" /> },
  // The list's first address; kept for bookmarks.
  { pattern: '/operator/customer-accounts', render: () => <Redirect to="/operator/accounts" /> },
  {
    pattern: '/operator/accounts',
    render: () => (
      <OperatorArea>
        <CustomerAccountsPage />
      </OperatorArea>
    ),
  },
  // Before /operator/accounts/:id, which would match it too.
  {
    pattern: '/operator/accounts/new',
    render: () => (
      <OperatorArea>
        <NewAccountPage />
      </OperatorArea>
    ),
  },
  {
    pattern: '/operator/accounts/:id',
    render: ({ id = '' }) => (
      <OperatorArea>
        <AccountDetailPage id={id} />
      </OperatorArea>
    ),
  },
  {
    pattern: '/operator/audit',
    render: () => (
      <OperatorArea>
        <OperatorAuditPage />
      </OperatorArea>
    ),
  },
  {
    pattern: '/operator/provider',
    render: () => (
      <OperatorArea>
        <ProviderPage />
      </OperatorArea>
    ),
  },
  {
    pattern: '/operator/mailbox',
    render: () => (
      <OperatorArea>
        <MailboxPage />
      </OperatorArea>
    ),
  },
  {
    pattern: '/operator/mailbox/:id',
    render: ({ id = '' }) => (
      <OperatorArea>
        <MailMessagePage id={id} />
      </OperatorArea>
    ),
  },
];

export function renderRoute(path: string): ReactNode {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) return route.render(params);
  }
  return <NotFoundPage />;
}

/** A customer goes to their account, an operator to the operator area, anybody else to the sign-in. */
function StartPage() {
  const { status, customer, operator } = useSession();
  if (status === 'loading') return <Loading />;
  return <Redirect to={customer ? '/account' : operator ? '/operator/accounts' : '/sign-in'} />;
}
