/**
 * The one-page tumor-board summary: shown only when printing (print CSS), the same model as "copy as Markdown".
 * @module
 */
import type { JSX } from 'preact';
import type { Summary } from './summary.js';

export function PrintSummary(props: { readonly summary: Summary; readonly printedAt: string }): JSX.Element {
  const s = props.summary;
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
    </section>
  );
}
