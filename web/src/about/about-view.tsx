/**
 * `/about`: the knowledge-base version, its sources, what it holds, and the decision-support notice.
 * @module
 */
import type { JSX } from 'preact';
import type { Kb } from '../contract.js';
import { Link } from '../router.js';

export const NOTICE_TEXT = 'Decision support, not a substitute for clinical judgment.';

export function AboutView(props: { readonly kb: Kb }): JSX.Element {
  const { kb } = props;
  const outcomes = kb.studies.reduce((n, s) => n + s.outcomes.length, 0);
  return (
    <div class="about-view">
      <h1 tabIndex={-1}>About Frontline</h1>
      <p class="notice">
        <strong>{NOTICE_TEXT}</strong> Frontline reads one clinical review and shows which immunotherapy
        options it supports for a patient with acute lymphoblastic leukemia, how strongly, why, with what
        risks and which trials fit. It does not know the patient; the treating team decides.
      </p>
      <h2>Knowledge base</h2>
      <dl class="facts">
        <dt>Version</dt>
        <dd>
          <code data-kb-version>{kb.version}</code> (a hash of the content: any change to a study, number or
          rule changes it; every answer carries it)
        </dd>
        <dt>Contents</dt>
        <dd>
          {kb.studies.length} studies with {outcomes} reported outcomes, {kb.agents.length} agents,{' '}
          {kb.trials.length} trials, {kb.recommendations.length} recommendation rules, {kb.alerts.length}{' '}
          patient alerts, {kb.statements.length} statements of the authors
        </dd>
      </dl>
      <h2>Sources</h2>
      {kb.sources.map((s) => (
        <section key={s.id} class="source" aria-labelledby={`source-${s.id}`}>
          <h3 id={`source-${s.id}`}>{s.title}</h3>
          <p>{s.citation}</p>
          <dl class="facts">
            <dt>Authors</dt>
            <dd>{s.authors.join(', ')}</dd>
            <dt>Edition</dt>
            <dd>
              {s.edition} ({s.year}), accessed {s.accessed}
            </dd>
            <dt>Licence</dt>
            <dd>{s.licence}</dd>
            <dt>Text checked</dt>
            <dd>
              <code>{s.textFile}</code>, SHA-256 <code class="hash">{s.sha256}</code>; {s.referenceCount}{' '}
              references
            </dd>
          </dl>
        </section>
      ))}
      <h2>How to read the answers</h2>
      <ul>
        <li>
          Every study, number, recommendation and warning carries the review’s reference numbers and a
          verbatim quote, proven against the source text by <code>frontline kb check</code>.
        </li>
        <li>
          The authors’ explicit recommendations, evidence judgments, regulatory facts and trial listings are
          separate strengths and are never merged.
        </li>
        <li>
          Missing data is unknown, never “no”: options that depend on it are listed apart, with the test to
          order.
        </li>
        <li>Where the review’s thresholds meet or leave a gap (age exactly 55), the answer says so.</li>
        <li>
          Differences between arms computed by Frontline are labelled “derived”; comparisons across studies
          are labelled “cross-trial”.
        </li>
      </ul>
      <h2>Other ways in</h2>
      <ul>
        <li>
          REST API: <a href="/api/openapi.json">/api/openapi.json</a> · the whole knowledge base:{' '}
          <a href="/api/kb">/api/kb</a>
        </li>
        <li>
          Command line: <code>frontline recommend</code>, <code>frontline studies</code>,{' '}
          <code>frontline trials</code>
        </li>
        <li>
          CDS Hooks 2.0.1 discovery: <a href="/cds-services">/cds-services</a>
        </li>
        <li>
          <Link href="/patient">Patient view</Link> · <Link href="/evidence">Evidence</Link> ·{' '}
          <Link href="/trials">Trials</Link>
        </li>
      </ul>
    </div>
  );
}
