import {
  ActionIcon,
  Anchor,
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  Container,
  Group,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure, useReducedMotion } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../api/client.ts';
import { AccountSwitcher } from '../app/AccountSwitcher.tsx';
import { useLinkOpenings } from '../app/link-token.ts';
import { AreaNavigation, useArea } from '../app/navigation.tsx';
import { logoPath, useProvider } from '../app/provider.tsx';
import { type CustomerSession, useAdoptUserLocale, useSession } from '../app/session.tsx';
import { displayName } from './display-name.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { ProviderFooter } from './ProviderFooter.tsx';
import './layout.css';

/** The shell of every page: header, the area's navigation (a burger menu at phone width), main, footer. */
export function RootLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { status, operator, customer, signOut } = useSession();
  const area = useArea();
  const [navigationOpen, navigation] = useDisclosure(false);
  const reducedMotion = useReducedMotion();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  // Opening an e-mail link in the tab that already shows its page starts the page again with the new token.
  const linkOpenings = useLinkOpenings();
  useAdoptUserLocale();

  const handleSignOut = async () => {
    setSignOutError(null);
    try {
      await navigate({ to: await signOut() });
    } catch (error) {
      setSignOutError(asApiError(error).message);
    }
  };

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={area ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } } : undefined}
      padding="md"
      transitionDuration={reducedMotion ? 0 : 200}
    >
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          {/* The left side gives way (a long provider name is cut short), the switcher never does. */}
          <Group gap="md" wrap="nowrap" miw={0}>
            {area && (
              <Burger
                opened={navigationOpen}
                onClick={navigation.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('layout.menu')}
                aria-expanded={navigationOpen}
              />
            )}
            <Brand />
            {customer && <AccountContext session={customer} />}
            {operator && (
              <Group gap="xs" wrap="nowrap" visibleFrom="md">
                <Badge variant="light">{t('layout.operatorArea')}</Badge>
                <Text size="sm" c="dimmed" visibleFrom="lg">
                  {operator.name}
                </Text>
              </Group>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <LanguageSwitcher />
            {status === 'signedIn' && (
              <>
                <Button variant="default" size="xs" onClick={handleSignOut} visibleFrom="sm">
                  {t('layout.signOut')}
                </Button>
                <ActionIcon
                  variant="default"
                  size="lg"
                  onClick={handleSignOut}
                  hiddenFrom="sm"
                  aria-label={t('layout.signOut')}
                >
                  <IconLogout size={18} aria-hidden />
                </ActionIcon>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      {area && (
        // A navigation taller than the window (many sections, a short screen) scrolls instead of cutting off.
        <AppShell.Navbar p="xs" style={{ overflowY: 'auto' }}>
          {customer && (
            // At phone width the header has no room for the account: it heads the navigation instead.
            <Box hiddenFrom="md" px="sm" pb="xs">
              <AccountSwitcher session={customer} />
            </Box>
          )}
          <AreaNavigation area={area} onNavigate={navigation.close} />
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="lg" py="md" px={0}>
          <ErrorAlert message={signOutError} />
          <Fragment key={linkOpenings}>
            <Outlet />
          </Fragment>
        </Container>
      </AppShell.Main>
      {/* Outside main, so it is the page's contentinfo landmark. */}
      <ProviderFooter />
    </AppShell>
  );
}

/** The provider's logo and name once operators have set them; "Kontor" until then. */
function Brand() {
  const { provider } = useProvider();
  const name = provider?.configured ? provider.name : 'Kontor';
  const logo = logoPath(provider);
  return (
    <Anchor component={Link} to="/" fw={700} fz="xl" underline="never" c="inherit" miw={0}>
      <Group gap="xs" wrap="nowrap">
        {logo && <img src={logo} alt="" height={32} />}
        <Text span inherit truncate>
          {name}
        </Text>
      </Group>
    </Anchor>
  );
}

function AccountContext({ session }: { session: CustomerSession }) {
  const { t } = useTranslation();
  const { account, user } = session;
  return (
    <Group gap="lg" wrap="nowrap" visibleFrom="md" miw={0}>
      <AccountSwitcher session={session} />
      <Stack gap={0} miw={0} visibleFrom="lg">
        <Text size="sm" truncate>
          {displayName(user)}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {t(`roles.${account.role}`)}
        </Text>
      </Stack>
    </Group>
  );
}
