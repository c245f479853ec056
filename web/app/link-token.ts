// Links in e-mails (and the printed set-up link) carry a token in the fragment: <page>#token=<token>.
import { useEffect, useState } from 'react';

const tokens = new Map<string, string>();

/**
 * Reads `#token=…` from the address and removes it at once, so the token stays out of history, bookmarks
 * and the Referer. The token is kept in memory per page path, because React may render a page twice.
 */
export function takeLinkToken(): string | null {
  const path = window.location.pathname;
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) tokens.set(path, fromHash);
  if (window.location.hash) {
    window.history.replaceState(window.history.state, '', path + window.location.search);
  }
  return tokens.get(path) ?? null;
}

/**
 * Changes when a link from an e-mail (…#token=…) opens the page that is already showing: only the fragment
 * changes, no page load. Other fragments (the skip link's #main) are not links.
 */
export function useLinkOpenings(): number {
  const [openings, setOpenings] = useState(0);
  useEffect(() => {
    const opened = () => {
      if (new URLSearchParams(window.location.hash.slice(1)).has('token')) setOpenings((count) => count + 1);
    };
    window.addEventListener('hashchange', opened);
    return () => window.removeEventListener('hashchange', opened);
  }, []);
  return openings;
}
