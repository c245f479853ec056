import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useProvider } from '../app/provider.tsx';
import { navigationCount } from '../app/router.tsx';

/** The page's h1. After an in-app navigation it takes focus so screen readers announce the new page. */
export function PageTitle({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const focusOnMount = useRef(navigationCount() > 0);
  const { provider } = useProvider();
  const site = provider?.configured ? provider.name : 'Kontor';

  useEffect(() => {
    if (focusOnMount.current) ref.current?.focus();
  }, []);
  useEffect(() => {
    document.title = `${children} · ${site}`;
  }, [children, site]);

  return (
    <Title order={1} size="h2" ref={ref} tabIndex={-1} mb="md" className="page-title">
      {children}
    </Title>
  );
}
