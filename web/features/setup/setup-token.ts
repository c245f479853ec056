let token: string | null = null;

/**
 * Reads `#token=…` from the address and removes it at once, so the token stays out of history and
 * bookmarks. The token is remembered for this page load (React may render the set-up page twice).
 */
export function takeSetupTokenFromUrl(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) token = fromHash;
  if (window.location.hash) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return token;
}
