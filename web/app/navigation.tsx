// The areas' navigation, in the shell's side bar (a burger menu at phone width).
import { NavLink } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useProvider } from './provider.tsx';
import { useSession } from './session.tsx';

const customerSections = [
  { to: '/account', label: 'account.overview', adminsOnly: false },
  { to: '/account/users', label: 'account.users', adminsOnly: false },
  { to: '/account/audit', label: 'account.audit', adminsOnly: true },
  { to: '/account/sessions', label: 'account.sessions', adminsOnly: false },
  { to: '/account/email', label: 'account.emailChange', adminsOnly: false },
  { to: '/account/password', label: 'account.password', adminsOnly: false },
  { to: '/account/identification', label: 'account.identification', adminsOnly: false },
] as const;

const operatorSections = [
  { to: '/operator/accounts', label: 'operator.customerAccounts' },
  { to: '/operator/audit', label: 'operator.audit' },
  { to: '/operator/mailbox', label: 'operator.mailbox' },
  { to: '/operator/provider', label: 'operator.provider' },
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
  const { customer } = useSession();
  const path = useRouterState({ select: (state) => state.location.pathname });
  const isAdmin = customer !== null && customer.account.role !== 'member';
  const sections =
    area === 'customer'
      ? customerSections.filter((section) => isAdmin || !section.adminsOnly)
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
