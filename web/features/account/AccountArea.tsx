import { Box, Flex, NavLink } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useLocation } from '../../app/router.tsx';
import { type CustomerSession, useSession } from '../../app/session.tsx';
import { Loading } from '../../ui/Loading.tsx';

const sections = [
  { href: '/account', label: 'account.overview' },
  { href: '/account/sessions', label: 'account.sessions' },
  { href: '/account/password', label: 'account.password' },
] as const;

/** Everything under /account: needs a signed-in customer user, has the side navigation. */
export function AccountArea({ children }: { children: (session: CustomerSession) => ReactNode }) {
  const { t } = useTranslation();
  const { status, customer } = useSession();
  const { path } = useLocation();

  if (status === 'loading') return <Loading />;
  if (!customer) return <Redirect to="/sign-in" />;
  return (
    <Flex gap="xl" direction={{ base: 'column', sm: 'row' }} align="flex-start">
      <Box component="nav" aria-label={t('account.navigation')} w={{ base: '100%', sm: 220 }}>
        {sections.map((section) => {
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
