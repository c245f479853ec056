import { Anchor, AppShell, Badge, Button, Container, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { logoPath, useProvider } from '../app/provider.tsx';
import { Link, navigate } from '../app/router.tsx';
import { type CustomerSession, useSession } from '../app/session.tsx';
import { displayName } from './display-name.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { ProviderFooter } from './ProviderFooter.tsx';
import './layout.css';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status, operator, customer, signOut } = useSession();
  const [signOutError, setSignOutError] = useState<string | null>(null);

  const handleSignOut = async () => {
    setSignOutError(null);
    try {
      navigate(await signOut());
    } catch (error) {
      setSignOutError(error instanceof ApiError ? error.message : t('errors.network'));
    }
  };

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          {/* The left side gives way (a long provider name is cut short), the switcher never does. */}
          <Group gap="md" wrap="nowrap" miw={0}>
            <Brand />
            {/* Account context: the active customer account; later also the account switcher. */}
            {customer && <AccountContext session={customer} />}
            {operator && (
              <Group gap="xs" wrap="nowrap" visibleFrom="xs">
                <Badge variant="light">{t('layout.operatorArea')}</Badge>
                <Text size="sm" c="dimmed" visibleFrom="sm">
                  {operator.name}
                </Text>
              </Group>
            )}
          </Group>
          <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
            <LanguageSwitcher />
            {status === 'signedIn' && (
              <Button variant="default" size="xs" onClick={handleSignOut}>
                {t('layout.signOut')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="lg" py="md">
          <ErrorAlert message={signOutError} />
          {children}
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
    <Anchor component={Link} href="/" fw={700} fz="xl" underline="never" c="inherit" miw={0}>
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
    <Group gap="lg" wrap="nowrap" visibleFrom="xs" miw={0}>
      <Stack gap={0} miw={0}>
        <Text size="sm" fw={600} truncate>
          {account.name}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {t('layout.customerNumber', { customerNumber: account.customerNumber })}
        </Text>
      </Stack>
      <Stack gap={0} miw={0} visibleFrom="md">
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
