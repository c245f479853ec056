import { useCallback, useRef } from 'react';

/**
 * Where focus goes back to when a dialog closes: the button that opened it. A dialog opened from a menu
 * item returns to the menu's button, because the item is gone by then; when the opener itself is gone (its
 * row was deleted), focus goes to the page's main region rather than to the top of the document. Use with
 * `returnFocus={false}` on the Modal and `returnFocus()` in its onExitTransitionEnd.
 */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const menu = active?.closest<HTMLElement>('[role="menu"]');
    const menuButton = menu?.id ? document.querySelector<HTMLElement>(`[aria-controls="${menu.id}"]`) : null;
    opener.current = menuButton ?? active;
  }, []);
  const returnFocus = useCallback(() => {
    const target = opener.current;
    opener.current = null;
    if (target?.isConnected) target.focus();
    else if (target) document.getElementById('main')?.focus();
  }, []);
  return { remember, returnFocus };
}
