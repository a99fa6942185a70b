/**
 * A small client-side router over the History API: the path picks the view, the query holds its state (the patient
 * profile, the evidence filters), so every screen is a shareable, bookmarkable link. The server answers index.html
 * for these paths (`src/server/routes/web.ts`).
 * @module
 */
import type { AnchorHTMLAttributes, ComponentChildren, JSX, TargetedMouseEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface Location {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly hash: string;
}

const CHANGE = 'frontline:navigate';

function current(): Location {
  const { pathname, search, hash } = window.location;
  return { path: pathname, query: new URLSearchParams(search), hash };
}

/** The current location; re-renders on navigation (links, back/forward, query updates). */
export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = (): void => setLoc(current());
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return loc;
}

/**
 * Goes to `href` (path, query and hash). `replace` rewrites the current history entry, as form edits do, so that
 * Back leaves the view instead of undoing keystrokes.
 */
export function navigate(href: string, replace = false): void {
  const url = new URL(href, window.location.href);
  const target = `${url.pathname}${url.search}${url.hash}`;
  if (target === `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    return;
  }
  if (replace) {
    window.history.replaceState(null, '', target);
  } else {
    window.history.pushState(null, '', target);
  }
  window.dispatchEvent(new Event(CHANGE));
}

/** `path?query`, with the query omitted when empty. */
export function hrefOf(path: string, query: URLSearchParams): string {
  const q = query.toString();
  return q === '' ? path : `${path}?${q}`;
}

type AnchorProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  readonly href: string;
  readonly children?: ComponentChildren;
};

/** An in-app link: a real `<a href>` (open in new tab, copy link), navigated without a page load. */
export function Link(props: AnchorProps): JSX.Element {
  const { href, children, ...rest } = props;
  const onClick = (e: TargetedMouseEvent<HTMLAnchorElement>): void => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    e.preventDefault();
    navigate(href);
  };
  return (
    <a {...rest} href={href} onClick={onClick}>
      {children}
    </a>
  );
}
