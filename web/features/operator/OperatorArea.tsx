import { Box, Flex, NavLink } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useLocation } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../ui/Loading.tsx';

const sections = [
  { href: '/operator/accounts', label: 'operator.customerAccounts' },
  { href: '/operator/audit', label: 'operator.audit' },
  { href: '/operator/mailbox', label: 'operator.mailbox' },
] as const;

/** Everything under /operator: needs a signed-in operator, has the side navigation. */
export function OperatorArea({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status, operator } = useSession();
  const { path } = useLocation();

  if (status === 'loading') return <Loading />;
  if (!operator) return <Redirect to="/operator/sign-in" />;
  return (
    <Flex gap="xl" direction={{ base: 'column', sm: 'row' }} align="flex-start">
      <Box component="nav" aria-label={t('operator.navigation')} w={{ base: '100%', sm: 220 }}>
        {sections.map((section) => {
          const active = path === section.href || path.startsWith(`${section.href}/`);
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
        {children}
      </Box>
    </Flex>
  );
}
