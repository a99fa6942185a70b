/**
 * The review's references, one click from every "[refs 40, 41]": each number is a link to its entry on the
 * references page (`/references#ref-40`, which works in a new tab too); a plain click opens the entry in a dialog
 * over the current view instead, so the reader keeps their place. One dialog for the whole app.
 * @module
 */
import type { JSX, TargetedMouseEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadKb } from '../api.js';
import type { SourceReference } from '../contract.js';
import { Link } from '../router.js';
import { ReferenceText } from './reference-text.js';

const OPEN = 'frontline:reference';

/** Opens the dialog on reference `n`. */
export function openReference(n: number): void {
  window.dispatchEvent(new CustomEvent<number>(OPEN, { detail: n }));
}

/** One reference number as a link that opens the entry. */
export function RefLink(props: { readonly n: number }): JSX.Element {
  const onClick = (e: TargetedMouseEvent<HTMLAnchorElement>): void => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    e.preventDefault();
    openReference(props.n);
  };
  return (
    <a
      class="ref-link"
      href={`/references#ref-${props.n}`}
      onClick={onClick}
      aria-label={`reference ${props.n}`}
      data-ref={props.n}
    >
      {props.n}
    </a>
  );
}

type Entry =
  | { readonly status: 'loading'; readonly n: number }
  | { readonly status: 'ok'; readonly n: number; readonly ref: SourceReference | undefined }
  | { readonly status: 'error'; readonly n: number };

/** The dialog, mounted once by the app shell. */
export function ReferenceDialog(): JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const [entry, setEntry] = useState<Entry | undefined>(undefined);
  useEffect(() => {
    const onOpen = (e: Event): void => {
      const n = (e as CustomEvent<number>).detail;
      opener.current = document.activeElement;
      setEntry({ status: 'loading', n });
      if (dialog.current !== null && !dialog.current.open) {
        dialog.current.showModal();
      }
      loadKb().then(
        (kb) => setEntry({ status: 'ok', n, ref: kb.references.find((r) => r.n === n) }),
        () => setEntry({ status: 'error', n }),
      );
    };
    window.addEventListener(OPEN, onOpen);
    return () => window.removeEventListener(OPEN, onOpen);
  }, []);
  const close = (): void => dialog.current?.close();
  return (
    <dialog
      ref={dialog}
      class="reference-dialog"
      aria-labelledby="reference-dialog-title"
      onClose={() => {
        setEntry(undefined);
        (opener.current as HTMLElement | null)?.focus?.();
      }}
    >
      <h2 id="reference-dialog-title">Reference {entry?.n ?? ''}</h2>
      {entry?.status === 'loading' ? <p role="status">Loading the reference…</p> : null}
      {entry?.status === 'error' ? <p role="alert">Could not load the reference list.</p> : null}
      {entry?.status === 'ok' && entry.ref === undefined ? (
        <p>The review’s reference list has no entry {entry.n}.</p>
      ) : null}
      {entry?.status === 'ok' && entry.ref !== undefined ? (
        <p class="reference-entry" data-reference={entry.n}>
          <ReferenceText reference={entry.ref} />
        </p>
      ) : null}
      <p class="help">From the reference list of Dias &amp; Litzow’s review, as the review gives it.</p>
      <p class="dialog-actions">
        <Link href={entry === undefined ? '/references' : `/references#ref-${entry.n}`} onClick={close}>
          All references
        </Link>
        <button type="button" onClick={close}>
          Close
        </button>
      </p>
    </dialog>
  );
}
