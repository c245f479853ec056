// The web app's routes (TanStack Router, code-based): public pages, the customer area under /account and the
// operator area under /operator, each area a layout with a guard and its own lazily loaded chunk.
import type { QueryClient } from '@tanstack/react-query';
import {
  type AnyRoute,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  type RouteComponent,
  redirect,
  useRouterState,
} from '@tanstack/react-router';
import { toExpressSetupIfOpen } from '../features/express-setup/express-setup-guard.ts';
import { NotFoundPage } from '../features/not-found/NotFoundPage.tsx';
import { RootLayout } from '../ui/Layout.tsx';
import { queryClient } from './query-client.ts';
import { dayParam, pageParam, textParam } from './search-params.ts';
import { loadSession } from './session.tsx';

declare module '@tanstack/history' {
  // What one page hands the next in history state (not the URL, so it is not bookmarked or shared).
  interface HistoryState {
    /** To a sign-in page, when a deep link needed a session first: the page asked for. */
    next?: string;
    /** To /register/check-email: the address the confirmation went to. */
    email?: string;
    /** To /operator/sign-in after the first-operator set-up. */
    setupDone?: boolean;
    /** To /operator/sign-in after an invited operator chose their password. */
    invitationAccepted?: boolean;
    /** To an account's page right after it was created. */
    created?: boolean;
    /** To a remote-support session's page right after it was started: the link for the client. */
    remoteSupportLink?: string;
    /** To /account right after signing in or activating: an owner may be sent on to the express setup. */
    signedIn?: boolean;
  }
}

const publicPages = () => import('./areas/public.tsx');
const customerPages = () => import('./areas/customer.ts');
const operatorPages = () => import('./areas/operator.ts');

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

/** A customer goes to their account, an operator to the operator area, anybody else to the sign-in. */
const startRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const { customer, operator } = await loadSession(context.queryClient);
    throw redirect({
      to: customer ? '/account' : operator ? '/operator/accounts' : '/sign-in',
      replace: true,
    });
  },
});

/** The routes of one area's pages, each loaded from the area's chunk: `route('account/users', 'UsersPage')`. */
function areaRoutes<Parent extends AnyRoute, Pages extends Record<string, RouteComponent>>(
  parent: Parent,
  pages: () => Promise<Pages>,
) {
  return <Path extends string>(path: Path, page: keyof Pages & string) =>
    createRoute({ getParentRoute: () => parent, path, component: lazyRouteComponent(pages, page) });
}

const publicRoute = areaRoutes(rootRoute, publicPages);

/** The client's remote-support page; the link the host sends carries the number. */
export const remoteSupportClientRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/support',
  validateSearch: (search: Record<string, unknown>): { number?: string } => ({
    number: textParam(search.number),
  }),
  component: lazyRouteComponent(publicPages, 'ClientSupportPage'),
});

const publicRoutes = [
  publicRoute('/sign-in', 'SignInPage'),
  publicRoute('/register', 'RegisterPage'),
  publicRoute('/register/check-email', 'CheckEmailPage'),
  publicRoute('/confirm-email', 'ConfirmEmailPage'),
  publicRoute('/confirm-email-change', 'ConfirmEmailChangePage'),
  publicRoute('/reveal', 'RevealPage'),
  publicRoute('/portal-link', 'PortalLinkPage'),
  publicRoute('/invitation', 'InvitationPage'),
  publicRoute('/forgot-password', 'ForgotPasswordPage'),
  publicRoute('/credentials-request', 'CredentialsRequestPage'),
  publicRoute('/reset-password', 'ResetPasswordPage'),
  publicRoute('/setup', 'SetupPage'),
  publicRoute('/activate', 'ActivatePage'),
  publicRoute('/unsubscribe/$contactId/$category/$signature', 'UnsubscribePage'),
  publicRoute('/operator/sign-in', 'OperatorSignInPage'),
  publicRoute('/operator/forgot-password', 'OperatorForgotPasswordPage'),
  publicRoute('/operator/reset-password', 'OperatorResetPasswordPage'),
  publicRoute('/operator/invitation', 'OperatorInvitationPage'),
  remoteSupportClientRoute,
];

// The path whose session was last asked for: each new page of the area asks again, so a suspended account
// or an ended session sends the person to sign-in at their next click (not at every keystroke in a search).
let sessionCheckedFor: string | null = null;

const customerArea = createRoute({
  getParentRoute: () => rootRoute,
  id: 'customer',
  beforeLoad: async ({ context, location, cause }) => {
    const fresh =
      cause !== 'preload' && sessionCheckedFor !== null && sessionCheckedFor !== location.pathname;
    sessionCheckedFor = location.pathname;
    const { customer } = await loadSession(context.queryClient, { fresh });
    if (!customer) throw redirect({ to: '/sign-in', state: { next: location.href }, replace: true });
  },
  component: lazyRouteComponent(customerPages, 'AccountArea'),
});

const customerRoute = areaRoutes(customerArea, customerPages);

export const supportRequestRoute = customerRoute('account/support/$id', 'SupportRequestPage');
export const invoiceDetailRoute = customerRoute('account/invoices/$id', 'InvoiceDetailPage');
export const domainDetailRoute = customerRoute('account/domains/$id', 'DomainPage');
export const accountRemoteSessionRoute = customerRoute(
  'account/remote-support/$id',
  'AccountRemoteSessionPage',
);

/** The overview; right after signing in, an owner whose express setup is still open goes there first (T1). */
const overviewRoute = createRoute({
  getParentRoute: () => customerArea,
  path: 'account',
  beforeLoad: async ({ context, location }) => {
    if (location.state.signedIn) await toExpressSetupIfOpen(context.queryClient);
  },
  component: lazyRouteComponent(customerPages, 'OverviewPage'),
});

const customerRoutes = [
  overviewRoute,
  customerRoute('account/express-setup', 'ExpressSetupSettingsPage'),
  customerRoute('account/express-setup/wizard', 'ExpressSetupWizardPage'),
  customerRoute('account/choose', 'ChooseAccountPage'),
  customerRoute('account/users', 'UsersPage'),
  customerRoute('account/contacts', 'ContactsPage'),
  customerRoute('account/support', 'SupportPage'),
  supportRequestRoute,
  customerRoute('account/notifications', 'NotificationRoutingPage'),
  customerRoute('account/my-notifications', 'MyNotificationsPage'),
  customerRoute('account/domain-contacts', 'DomainContactsPage'),
  customerRoute('account/domains', 'DomainsPage'),
  domainDetailRoute,
  customerRoute('account/products', 'ProductsPage'),
  customerRoute('account/directory', 'DirectoryPage'),
  customerRoute('account/usage', 'UsagePage'),
  customerRoute('account/invoices', 'InvoicesPage'),
  invoiceDetailRoute,
  customerRoute('account/audit', 'AuditPage'),
  customerRoute('account/sessions', 'SessionsPage'),
  customerRoute('account/email', 'ChangeEmailPage'),
  customerRoute('account/password', 'ChangePasswordPage'),
  customerRoute('account/two-factor', 'MyTwoFactorPage'),
  customerRoute('account/identification', 'IdentificationPage'),
  customerRoute('account/remote-support', 'AccountRemoteSupportPage'),
  accountRemoteSessionRoute,
];

const operatorArea = createRoute({
  getParentRoute: () => rootRoute,
  id: 'operator',
  beforeLoad: async ({ context, location }) => {
    const { operator } = await loadSession(context.queryClient);
    if (!operator) throw redirect({ to: '/operator/sign-in', state: { next: location.href }, replace: true });
  },
  component: lazyRouteComponent(operatorPages, 'OperatorArea'),
});

const operatorRoute = areaRoutes(operatorArea, operatorPages);

const toAccountList = () => {
  throw redirect({ to: '/operator/accounts', replace: true });
};

export const accountDetailRoute = operatorRoute('operator/accounts/$id', 'AccountDetailPage');
export const mailMessageRoute = operatorRoute('operator/mailbox/$id', 'MailMessagePage');
export const serviceDetailRoute = operatorRoute('operator/services/$id', 'ServicePage');
export const operatorRemoteSessionRoute = operatorRoute(
  'operator/remote-support/$id',
  'OperatorRemoteSessionPage',
);
export const accountListRoute = createRoute({
  getParentRoute: () => operatorArea,
  path: 'operator/accounts',
  validateSearch: (search: Record<string, unknown>): { q?: string; status?: string; page?: number } => ({
    q: textParam(search.q),
    status: textParam(search.status),
    page: pageParam(search.page),
  }),
  component: lazyRouteComponent(operatorPages, 'CustomerAccountsPage'),
});
export const operatorSupportRequestRoute = operatorRoute(
  'operator/support/$id',
  'OperatorSupportRequestPage',
);
export const supportInboxRoute = createRoute({
  getParentRoute: () => operatorArea,
  path: 'operator/support',
  validateSearch: (
    search: Record<string, unknown>,
  ): { state?: string; account?: string; olderThanDays?: number; page?: number } => ({
    state: textParam(search.state),
    account: textParam(search.account),
    olderThanDays: dayParam(search.olderThanDays),
    page: pageParam(search.page),
  }),
  component: lazyRouteComponent(operatorPages, 'SupportInboxPage'),
});
export const mailboxRoute = createRoute({
  getParentRoute: () => operatorArea,
  path: 'operator/mailbox',
  validateSearch: (search: Record<string, unknown>): { page?: number } => ({ page: pageParam(search.page) }),
  component: lazyRouteComponent(operatorPages, 'MailboxPage'),
});

const operatorRoutes = [
  createRoute({ getParentRoute: () => operatorArea, path: 'operator', beforeLoad: toAccountList }),
  // The list's first address; kept for bookmarks.
  createRoute({
    getParentRoute: () => operatorArea,
    path: 'operator/customer-accounts',
    beforeLoad: toAccountList,
  }),
  accountListRoute,
  operatorRoute('operator/accounts/new', 'NewAccountPage'),
  accountDetailRoute,
  operatorRoute('operator/audit', 'OperatorAuditPage'),
  operatorRoute('operator/provider', 'ProviderPage'),
  operatorRoute('operator/operators', 'OperatorStaffPage'),
  operatorRoute('operator/two-factor', 'OperatorTwoFactorPage'),
  mailboxRoute,
  mailMessageRoute,
  supportInboxRoute,
  operatorSupportRequestRoute,
  operatorRoute('operator/credential-requests', 'OperatorCredentialRequestsPage'),
  operatorRoute('operator/services', 'CataloguePage'),
  serviceDetailRoute,
  operatorRoute('operator/invoices', 'OperatorInvoiceRunsPage'),
  operatorRoute('operator/bank-statements', 'BankStatementsPage'),
  operatorRoute('operator/direct-debits', 'DirectDebitsPage'),
  operatorRoute('operator/remote-support', 'OperatorRemoteSupportPage'),
  operatorRemoteSessionRoute,
];

const routeTree = rootRoute.addChildren([
  startRoute,
  ...publicRoutes,
  customerArea.addChildren(customerRoutes),
  operatorArea.addChildren(operatorRoutes),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  scrollRestoration: true,
  defaultPendingMinMs: 0,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

/** Counts the person's navigations (not redirects); 0 on the first page, so pages know whether to move focus. */
let navigations = 0;
router.history.subscribe(({ action }) => {
  if (action.type !== 'REPLACE') navigations += 1;
});
export const navigationCount = () => navigations;

/** The page to return to after signing in: the deep link that asked for it, if it belongs to `area` (or is the
 * invitation that asked a customer to sign in first). */
export function useReturnPath(area: '/account' | '/operator', fallback: string): string {
  const next = useRouterState({ select: (state) => state.location.state.next });
  const inArea =
    typeof next === 'string' &&
    (next === area || next.startsWith(`${area}/`) || (area === '/account' && next === '/invitation'));
  return inArea && !next.includes('//') && !next.endsWith('/sign-in') ? next : fallback;
}
