import { Alert, Anchor, Box, Flex, NavLink } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useProvider } from '../../app/provider.tsx';
import { Link, Redirect, type ReturnState, useLocation } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../ui/Loading.tsx';

const sections = [
  { href: '/operator/accounts', label: 'operator.customerAccounts' },
  { href: '/operator/audit', label: 'operator.audit' },
  { href: '/operator/mailbox', label: 'operator.mailbox' },
  { href: '/operator/provider', label: 'operator.provider' },
] as const;

/** Everything under /operator: needs a signed-in operator, has the side navigation. */
export function OperatorArea({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status, operator } = useSession();
  const { path } = useLocation();
  const { provider } = useProvider();

  if (status === 'loading') return <Loading />;
  if (!operator) return <Redirect to="/operator/sign-in" state={{ next: path } satisfies ReturnState} />;
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
        {provider && !provider.configured && path !== '/operator/provider' && (
          <Alert color="yellow" variant="light" mb="md" role="note" title={t('provider.missingTitle')}>
            {t('provider.missing')}{' '}
            <Anchor component={Link} href="/operator/provider" inherit>
              {t('provider.missingLink')}
            </Anchor>
          </Alert>
        )}
        {children}
      </Box>
    </Flex>
  );
}
