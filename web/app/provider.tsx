// Who runs this portal (GET /api/v1/provider): its name in the header, its address, support contact and
// legal notice in the footer of every page. Loaded once; the operators' settings page hands over changes.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from './api.ts';

export interface ProviderIdentity {
  name: string;
  configured: boolean;
  address: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
  website: string | null;
  legalNotice: string | null;
  logoUrl: string | null;
}

interface ProviderContextValue {
  provider: ProviderIdentity | null;
  providerChanged: (provider: ProviderIdentity) => void;
}

const ProviderContext = createContext<ProviderContextValue>({ provider: null, providerChanged: () => {} });

export function ProviderIdentityProvider({ children }: { children: ReactNode }) {
  const [provider, setProvider] = useState<ProviderIdentity | null>(null);
  useEffect(() => {
    // Without it the pages still work; only the footer stays empty.
    void api.get<ProviderIdentity>('/api/v1/provider').then(setProvider, () => undefined);
  }, []);
  const providerChanged = useCallback((changed: ProviderIdentity) => setProvider(changed), []);
  const value = useMemo(() => ({ provider, providerChanged }), [provider, providerChanged]);
  return <ProviderContext value={value}>{children}</ProviderContext>;
}

export const useProvider = () => useContext(ProviderContext);

/** The logo's path on this origin whatever PUBLIC_URL says, so the CSP's img-src 'self' allows it. */
export function logoPath(provider: ProviderIdentity | null): string | null {
  if (!provider?.logoUrl) return null;
  const url = new URL(provider.logoUrl);
  return url.pathname + url.search;
}
