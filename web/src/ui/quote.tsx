/**
 * A verbatim quote of the review with its reference numbers.
 * @module
 */
import type { JSX } from 'preact';
import { RefLink } from './reference-dialog.js';
import { quoteSegments } from './text.js';

/** The quote's text with the source's emphasis and superscripts. */
export function QuoteText(props: { readonly text: string }): JSX.Element {
  return (
    <>
      {quoteSegments(props.text).map((s, i) =>
        s.style === 'em' ? <i key={i}>{s.text}</i> : s.style === 'sup' ? <sup key={i}>{s.text}</sup> : s.text,
      )}
    </>
  );
}

/** "[refs 28, 29]" in the review's own numbering, each number opening its entry, or nothing. */
export function Refs(props: { readonly refs: readonly number[] }): JSX.Element | null {
  if (props.refs.length === 0) {
    return null;
  }
  return (
    <span class="refs">
      [{props.refs.length === 1 ? 'ref' : 'refs'}{' '}
      {props.refs.map((n, i) => (
        <span key={n}>
          {i > 0 ? ', ' : ''}
          <RefLink n={n} />
        </span>
      ))}
      ]
    </span>
  );
}

/** A block quote of the review: the words, then where it says so. */
export function Quote(props: {
  readonly text: string;
  readonly refs: readonly number[];
  readonly by?: string | undefined;
}): JSX.Element {
  return (
    <figure class="quote">
      <blockquote>
        <QuoteText text={props.text} />
      </blockquote>
      <figcaption>
        {props.by === undefined ? 'Dias & Litzow' : props.by} <Refs refs={props.refs} />
      </figcaption>
    </figure>
  );
}
