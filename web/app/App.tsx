import { createTheme, MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../i18n/i18n.ts';
import { Layout } from '../ui/Layout.tsx';
import { ProviderIdentityProvider } from './provider.tsx';
import { useLocation } from './router.tsx';
import { renderRoute } from './routes.tsx';
import { SessionProvider } from './session.tsx';

const theme = createTheme({ primaryColor: 'indigo' });

export function App() {
  return (
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <SessionProvider>
          <ProviderIdentityProvider>
            <Layout>
              <CurrentPage />
            </Layout>
          </ProviderIdentityProvider>
        </SessionProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}

function CurrentPage() {
  const { path, linkOpenings } = useLocation();
  // Keyed by path: each page starts fresh, which also moves focus to its heading.
  return <div key={`${path}#${linkOpenings}`}>{renderRoute(path)}</div>;
}
