import { Box, Flex, NavLink } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, type ReturnState, useLocation } from '../../app/router.tsx';
import { type CustomerSession, useSession } from '../../app/session.tsx';
import { Loading } from '../../ui/Loading.tsx';

const sections = [
  { href: '/account', label: 'account.overview', adminsOnly: false },
  { href: '/account/users', label: 'account.users', adminsOnly: false },
  { href: '/account/audit', label: 'account.audit', adminsOnly: true },
  { href: '/account/sessions', label: 'account.sessions', adminsOnly: false },
  { href: '/account/email', label: 'account.emailChange', adminsOnly: false },
  { href: '/account/password', label: 'account.password', adminsOnly: false },
] as const;

/** Everything under /account: needs a signed-in customer user, has the side navigation. */
export function AccountArea({ children }: { children: (session: CustomerSession) => ReactNode }) {
  const { t } = useTranslation();
  const { status, customer, recheckCustomer } = useSession();
  const { path, navigations } = useLocation();
  const checkOnMount = useRef(navigations > 0);

  // Each page of the area starts fresh (keyed by path). After an in-app navigation the session is asked
  // again, so a suspended account or an ended session sends the person to sign-in at their next click.
  useEffect(() => {
    if (checkOnMount.current) void recheckCustomer();
  }, [recheckCustomer]);

  if (status === 'loading') return <Loading />;
  if (!customer) return <Redirect to="/sign-in" state={{ next: path } satisfies ReturnState} />;
  const isAdmin = customer.account.role !== 'member';
  return (
    <Flex gap="xl" direction={{ base: 'column', sm: 'row' }} align="flex-start">
      <Box component="nav" aria-label={t('account.navigation')} w={{ base: '100%', sm: 220 }}>
        {sections
          .filter((section) => isAdmin || !section.adminsOnly)
          .map((section) => {
            const active = path === section.href;
            return (
              <NavLink
                key={section.href}
                component={Link}
                href={section.href}
                label={t(section.label)}
                active={active}
                aria-current={active ? 'page' : undefined}
              />
            );
          })}
      </Box>
      <Box flex={1} miw={0} w="100%">
        {children(customer)}
      </Box>
    </Flex>
  );
}
