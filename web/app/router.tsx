// A tiny router on the History API: the app has a handful of routes, so no library is needed.
import { type AnchorHTMLAttributes, type MouseEvent, type Ref, useEffect, useSyncExternalStore } from 'react';

export interface RouterLocation {
  path: string;
  search: URLSearchParams;
  state: unknown;
  /** Counts user navigations (not redirects); 0 on the first page load, so pages know whether to move focus. */
  navigations: number;
  /** Changes when a link from an e-mail (…#token=…) opens the page that is already showing. */
  linkOpenings: number;
}

const listeners = new Set<() => void>();
let navigations = 0;
let linkOpenings = 0;
let snapshot = readLocation();

function readLocation(): RouterLocation {
  return {
    path: window.location.pathname,
    search: new URLSearchParams(window.location.search),
    state: window.history.state,
    navigations,
    linkOpenings,
  };
}

function notify(): void {
  snapshot = readLocation();
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', () => {
  navigations += 1;
  notify();
});

// Opening an e-mail link in a tab that already shows its page changes only the fragment: no page load, so
// the page is told to start again and read the new token. Other fragments (the skip link's #main) are not links.
window.addEventListener('hashchange', () => {
  if (!new URLSearchParams(window.location.hash.slice(1)).has('token')) return;
  linkOpenings += 1;
  notify();
});

export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}): void {
  const method = options.replace ? 'replaceState' : 'pushState';
  window.history[method](options.state ?? null, '', to);
  if (!options.replace) navigations += 1;
  notify();
}

export function useLocation(): RouterLocation {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
  );
}

/** Matches `/operator/mailbox/:id` style patterns; returns the decoded parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = path.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  href: string;
  ref?: Ref<HTMLAnchorElement>;
};

/** A real <a href> (so it opens in new tabs and is keyboard reachable) that navigates in-app on plain clicks. */
export function Link({ href, onClick, ...props }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || event.button !== 0 || modified || props.target) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...props} />;
}

export function Redirect({ to, state }: { to: string; state?: unknown }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the state goes with the target it was made for
  useEffect(() => navigate(to, { replace: true, state }), [to]);
  return null;
}

/** What a sign-in page is handed when a deep link needed a session first (history state, not the URL). */
export interface ReturnState {
  next?: string;
}

/** The page to return to after signing in: the deep link that asked for it, if it belongs to `area`. */
export function returnPath(state: unknown, area: '/account' | '/operator', fallback: string): string {
  const next = (state as ReturnState | null)?.next;
  const inArea = typeof next === 'string' && (next === area || next.startsWith(`${area}/`));
  return inArea && !next.includes('//') && !next.endsWith('/sign-in') ? next : fallback;
}
