import { useCallback, useRef } from 'react';

/**
 * Where focus goes back to when a dialog closes: the button that opened it. A dialog opened from a menu
 * item returns to the menu's button, because the item is gone by then. Use with `returnFocus={false}` on
 * the Modal and `returnFocus()` in its onExitTransitionEnd.
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
  }, []);
  return { remember, returnFocus };
}
