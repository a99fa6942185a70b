/**
 * One entry of the review's reference list: authors, title, journal in italics, the rest as the review prints it,
 * and the link the review gives (the only external link besides ClinicalTrials.gov; it needs a network).
 * @module
 */
import type { JSX } from 'preact';
import type { SourceReference } from '../contract.js';

/** The entry's text with the review's `*journal*` read as italics. */
export function ReferenceText(props: { readonly reference: SourceReference }): JSX.Element {
  const r = props.reference;
  const parts = r.text.split(/\*([^*]+)\*/);
  return (
    <>
      {parts.map((p, i) => (i % 2 === 1 ? <i key={i}>{p}</i> : p.replace(/\s*<https?:[^>]+>\.?$/, '')))}
      {r.url === undefined ? null : (
        <>
          {' '}
          <a href={r.url} rel="noreferrer external">
            {r.url}
          </a>{' '}
          (needs a network)
        </>
      )}
    </>
  );
}
