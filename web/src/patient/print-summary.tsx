/**
 * The one-page tumor-board summary: shown only when printing (print CSS), the same model as "copy as Markdown".
 * @module
 */
import type { JSX } from 'preact';
import type { SourceReference } from '../contract.js';
import type { Summary } from './summary.js';

/** "Litzow MR et al. N Engl J Med 2024": first author, journal (or title) and year, as a reference list abridges. */
export function shortCitation(r: SourceReference): string {
  const authors = r.authors?.split(', ') ?? [];
  const first = authors[0]?.replace(/; .*$/, '');
  const who = first === undefined ? '' : `${first}${authors.length > 1 ? ' et al' : ''}. `;
  return `${who}${r.journal ?? r.title} ${r.year}`;
}

export function PrintSummary(props: {
  readonly summary: Summary;
  readonly printedAt: string;
  /** The review's reference list, once loaded: the page ends with the entries it cites. */
  readonly references?: readonly SourceReference[] | undefined;
}): JSX.Element {
  const s = props.summary;
  const byNumber = new Map((props.references ?? []).map((r) => [r.n, r]));
  const cited = s.refs.map((n) => byNumber.get(n)).filter((r): r is SourceReference => r !== undefined);
  return (
    <section class="print-summary" aria-label="Tumor-board summary (printed)">
      <h1>{s.title}</h1>
      <p class="profile">
        <strong>Patient:</strong> {s.profile}
      </p>
      <p class="kb">
        {s.kb} · printed {props.printedAt}
      </p>
      {s.sections.map((section) => (
        <section key={section.heading} class={section.short === true ? 'columns' : undefined}>
          <h2>
            {section.heading}
            {section.note === undefined ? null : <span class="note"> — {section.note}</span>}
          </h2>
          <ul>
            {section.items.map((item) => (
              <li key={item.text}>
                {item.text}
                {item.lines.length > 0 ? (
                  <ul>
                    {item.lines.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p class="notice">
        <strong>{s.notice}</strong>
      </p>
      {cited.length > 0 ? (
        <section class="print-references">
          <h2>References cited</h2>
          <ol>
            {cited.map((r) => (
              <li key={r.n} value={r.n} data-print-reference={r.n}>
                {shortCitation(r)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  );
}
