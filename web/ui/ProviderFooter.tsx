import { Anchor, Box, Container, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProvider } from '../app/provider.tsx';

/** The provider's imprint on every page, as in its e-mails: name, address, support contact, legal notice. */
export function ProviderFooter() {
  const { t } = useTranslation();
  const { provider } = useProvider();
  if (!provider?.configured) return null;
  const lines = (text: string | null) => text?.split('\n').filter((line) => line.trim() !== '') ?? [];
  return (
    <Box
      component="footer"
      mt="xl"
      py="lg"
      // Beside the shell's side bar, like the main content.
      style={{
        borderTop: '1px solid var(--mantine-color-default-border)',
        paddingInlineStart: 'var(--app-shell-navbar-offset, 0rem)',
      }}
    >
      <Container size="lg">
        <Text size="sm" fw={600}>
          {provider.name}
        </Text>
        {lines(provider.address).map((line) => (
          <Text key={line} size="sm" c="dimmed">
            {line}
          </Text>
        ))}
        {(provider.supportEmail || provider.supportPhone) && (
          <Text size="sm" c="dimmed">
            {t('footer.support')}{' '}
            {provider.supportEmail && (
              <Anchor href={`mailto:${provider.supportEmail}`} inherit>
                {provider.supportEmail}
              </Anchor>
            )}
            {provider.supportEmail && provider.supportPhone && ' · '}
            {provider.supportPhone && (
              <Anchor href={`tel:${provider.supportPhone.replaceAll(' ', '')}`} inherit>
                {provider.supportPhone}
              </Anchor>
            )}
          </Text>
        )}
        {provider.website && (
          <Anchor href={provider.website} size="sm" rel="noopener noreferrer">
            {provider.website}
          </Anchor>
        )}
        {lines(provider.legalNotice).map((line) => (
          <Text key={line} size="xs" c="dimmed" mt={4}>
            {line}
          </Text>
        ))}
      </Container>
    </Box>
  );
}
