/**
 * Brings the element named by the URL's `#fragment` into view once the view has drawn it (views that load the
 * knowledge base draw their content after the router has already moved).
 * @module
 */
import { useEffect } from 'preact/hooks';

export function useHashTarget(hash: string): void {
  useEffect(() => {
    if (hash.length < 2) {
      return;
    }
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (el !== null) {
      el.scrollIntoView();
      if (el.tabIndex >= 0 || el.hasAttribute('tabindex')) {
        el.focus({ preventScroll: true });
      }
    }
  }, [hash]);
}
