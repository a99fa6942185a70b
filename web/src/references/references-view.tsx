/**
 * `/references`: the review's numbered reference list, as the knowledge base holds it (proven against the review's
 * text by `frontline kb check`). `/references#ref-42` opens at one entry.
 * @module
 */
import type { JSX } from 'preact';
import type { Kb } from '../contract.js';
import type { Location } from '../router.js';
import { ReferenceText } from '../ui/reference-text.js';
import { useHashTarget } from '../ui/use-hash-target.js';

export function ReferencesView(props: { readonly kb: Kb; readonly location: Location }): JSX.Element {
  useHashTarget(props.location.hash);
  const primary = props.kb.sources.find((s) => s.primary === true) ?? props.kb.sources[0];
  const list = props.kb.references.filter((r) => r.source === primary?.id).sort((a, b) => a.n - b.n);
  return (
    <div class="references-view">
      <h1 tabIndex={-1}>References ({list.length})</h1>
      <p class="lede">
        The reference list of {primary === undefined ? 'the review' : <cite>{primary.title}</cite>} (Dias
        &amp; Litzow), as the review gives it. Every “[ref N]” in Frontline is one of these. The review gives
        no DOI or PMID.
      </p>
      <ol class="reference-list">
        {list.map((r) => (
          <li key={r.n} id={`ref-${r.n}`} value={r.n} tabIndex={-1} data-reference={r.n}>
            <ReferenceText reference={r} />
            {r.note === undefined ? null : <span class="note"> (Note: {r.note})</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
