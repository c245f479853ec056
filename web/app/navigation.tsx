// The areas' navigation, in the shell's side bar (a burger menu at phone width).
import { NavLink } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Permission, useCan } from './permissions.ts';
import { useProvider } from './provider.tsx';
import { useSession } from './session.tsx';

// A section with a permission is shown only to those who hold it in the account they act in; PIN and
// security question identify a company's user on the phone, so a personal login (M1) has none.
const customerSections = [
  { to: '/account', label: 'account.overview' },
  { to: '/account/users', label: 'account.users' },
  { to: '/account/express-setup', label: 'account.expressSetup' },
  { to: '/account/directory', label: 'account.directory' },
  { to: '/account/contacts', label: 'account.contacts', permission: 'contacts.manage' },
  { to: '/account/notifications', label: 'account.notifications', permission: 'contacts.manage' },
  { to: '/account/domain-contacts', label: 'account.domainContacts', permission: 'domains.manage' },
  {
    to: '/account/domains',
    label: 'account.domains',
    permission: 'products.view',
    orPermission: 'domains.manage',
  },
  { to: '/account/support', label: 'account.support', permission: 'support.open' },
  { to: '/account/products', label: 'account.products', permission: 'products.view' },
  { to: '/account/usage', label: 'account.usage', permission: 'invoices.view' },
  { to: '/account/invoices', label: 'account.invoices', permission: 'invoices.view' },
  { to: '/account/audit', label: 'account.audit', permission: 'audit.read' },
  { to: '/account/sessions', label: 'account.sessions' },
  { to: '/account/email', label: 'account.emailChange' },
  { to: '/account/my-notifications', label: 'account.myNotifications' },
  { to: '/account/password', label: 'account.password' },
  { to: '/account/two-factor', label: 'account.twoFactor' },
  { to: '/account/identification', label: 'account.identification', accountUserOnly: true },
  { to: '/account/remote-support', label: 'remoteSupport.title', permission: 'remote_support.host' },
] as const satisfies readonly {
  to: string;
  label: string;
  permission?: Permission;
  /** Shown also to those who hold this one instead. */
  orPermission?: Permission;
  accountUserOnly?: true;
}[];

const operatorSections = [
  { to: '/operator/accounts', label: 'operator.customerAccounts' },
  { to: '/operator/support', label: 'operator.support' },
  { to: '/operator/remote-support', label: 'remoteSupport.title' },
  { to: '/operator/credential-requests', label: 'operator.credentialRequests' },
  { to: '/operator/services', label: 'operator.catalogue' },
  { to: '/operator/invoices', label: 'operator.invoices' },
  { to: '/operator/bank-statements', label: 'operator.bankStatements' },
  { to: '/operator/direct-debits', label: 'operator.directDebits' },
  { to: '/operator/audit', label: 'operator.audit' },
  { to: '/operator/mailbox', label: 'operator.mailbox' },
  { to: '/operator/provider', label: 'operator.provider' },
  { to: '/operator/operators', label: 'operator.staff' },
  { to: '/operator/two-factor', label: 'operator.twoFactor' },
] as const;

export type Area = 'customer' | 'operator' | null;

/** Which area the current page belongs to, from the layout route it is under. */
export function useArea(): Area {
  return useRouterState({
    select: (state) => {
      const ids = state.matches.map((match) => match.routeId as string);
      return ids.includes('/customer') ? 'customer' : ids.includes('/operator') ? 'operator' : null;
    },
  });
}

export function AreaNavigation({
  area,
  onNavigate,
}: {
  area: 'customer' | 'operator';
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const personalLogin = useSession().customer?.user.homeCustomerNumber === null;
  const path = useRouterState({ select: (state) => state.location.pathname });
  const sections =
    area === 'customer'
      ? customerSections.filter(
          (section) =>
            (!('permission' in section) ||
              can(section.permission) ||
              ('orPermission' in section && can(section.orPermission))) &&
            !('accountUserOnly' in section && personalLogin),
        )
      : operatorSections;
  // The account's overview is active on itself only; an operator section also on its sub-pages.
  const isActive = (to: string) => path === to || (area === 'operator' && path.startsWith(`${to}/`));
  return (
    <nav aria-label={t(area === 'customer' ? 'account.navigation' : 'operator.navigation')}>
      {sections.map((section) => {
        const active = isActive(section.to);
        return (
          <NavLink
            key={section.to}
            component={Link}
            to={section.to}
            label={t(section.label)}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </nav>
  );
}

/** Operators are reminded on every page but the settings page until the provider's identity is filled in. */
export function useProviderMissing(): boolean {
  const { provider } = useProvider();
  const path = useRouterState({ select: (state) => state.location.pathname });
  return provider !== null && !provider.configured && path !== '/operator/provider';
}
