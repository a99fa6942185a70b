/**
 * The answer for one patient, as the server returned it: notice and knowledge-base version, patient warnings
 * (boundaries marked), options by strength with what each strength means, options pending on unknown facts, and
 * what is missing with the test that settles it.
 * @module
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type {
  Missing,
  Option,
  PatientWarning,
  RecommendedDecision,
  SourceReference,
  Trial,
} from '../contract.js';
import { fieldLabel } from '../contract.js';
import { Link } from '../router.js';
import { Disclosure } from '../ui/disclosure.js';
import { Quote, Refs } from '../ui/quote.js';
import { STRENGTH_LABEL, STRENGTH_MEANING, STRENGTHS, sentence } from '../ui/strength.js';
import type { AgentInfo } from './agents-text.js';
import { AtAGlance } from './at-a-glance.js';
import { fieldId } from './controls.js';
import { fieldOfPath } from './fields.js';
import { OptionCard } from './option-card.js';
import { PrintSummary } from './print-summary.js';
import { profileLine } from './profile-text.js';
import { summarize, toMarkdown } from './summary.js';
import { TrialsForPatient } from './trials-for-patient.js';

export interface ResultsProps {
  readonly decision: RecommendedDecision;
  readonly studyIds: ReadonlySet<string> | undefined;
  readonly stale: boolean;
  readonly agents?: ReadonlyMap<string, AgentInfo> | undefined;
  /** The knowledge base's trials, once loaded: names for the trials this patient could join. */
  readonly trials?: readonly Trial[] | undefined;
  /** The review's reference list, once loaded: the print view ends with the entries it cites. */
  readonly references?: readonly SourceReference[] | undefined;
}

const WARNING_KIND: Record<PatientWarning['kind'], string> = {
  alert: 'Alert',
  boundary: 'Boundary',
  input: 'Input',
  target: 'Target absent',
};

function Warnings(props: { readonly warnings: readonly PatientWarning[] }): JSX.Element | null {
  if (props.warnings.length === 0) {
    return null;
  }
  return (
    <section class="panel patient-warnings" aria-labelledby="pw-heading">
      <h3 id="pw-heading">Patient warnings</h3>
      <ul>
        {props.warnings.map((w) => (
          <li key={w.code} class={`warning kind-${w.kind}`} data-warning-code={w.code}>
            <span class={`badge kind-${w.kind}`}>{WARNING_KIND[w.kind]}</span> {w.text} <Refs refs={w.refs} />
            {w.quote === undefined ? null : (
              <Disclosure summary="The review’s words">
                {() => <Quote text={w.quote ?? ''} refs={w.refs} />}
              </Disclosure>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function focusField(field: string): void {
  const name = fieldOfPath(field);
  if (name === undefined) {
    return;
  }
  const el = document.getElementById(fieldId(name));
  const target = el instanceof HTMLFieldSetElement ? el.querySelector('input') : el;
  target?.scrollIntoView({ block: 'center' });
  (target as HTMLElement | null)?.focus();
}

function MissingList(props: { readonly missing: readonly Missing[]; readonly options: readonly Option[] }) {
  if (props.missing.length === 0) {
    return null;
  }
  const titles = new Map(props.options.map((o) => [o.id, o.title]));
  return (
    <section class="panel missing" aria-labelledby="missing-heading">
      <h3 id="missing-heading">Missing facts that would change the options</h3>
      <p class="help">Unknown is not “no”: each fact below is unknown, and the test named settles it.</p>
      <ul>
        {props.missing.map((m) => {
          const name = fieldOfPath(m.field);
          return (
            <li key={m.field} data-missing-field={m.field}>
              <p>
                <strong>{fieldLabel(m.field)}</strong>{' '}
                {name === undefined ? null : (
                  <button type="button" class="link" onClick={() => focusField(m.field)}>
                    enter it
                  </button>
                )}
              </p>
              <p>
                <strong>Test:</strong> {m.test}
              </p>
              <Disclosure summary="Why it matters">
                {() => (
                  <>
                    <p>{m.text}</p>
                    {m.affects.length > 0 ? (
                      <p>
                        Affects:{' '}
                        {m.affects.map((id, i) => (
                          <span key={id}>
                            {i > 0 ? '; ' : ''}
                            {titles.has(id) ? (
                              <a href={`#option-${id}`}>{titles.get(id)}</a>
                            ) : (
                              <span>another option</span>
                            )}
                          </span>
                        ))}
                      </p>
                    ) : null}
                  </>
                )}
              </Disclosure>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Actions(props: { readonly markdown: string }): JSX.Element {
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(props.markdown);
      setCopied('Copied the summary as Markdown.');
    } catch {
      setCopied('The browser did not allow copying; the Markdown is shown below to copy by hand.');
    }
  };
  return (
    <div class="actions">
      <button type="button" onClick={() => window.print()}>
        Print tumor-board summary
      </button>
      <button type="button" onClick={() => void copy()}>
        Copy as Markdown
      </button>
      <span role="status" class="copied">
        {copied ?? ''}
      </span>
      <details class="markdown" open={copied?.startsWith('The browser') === true}>
        <summary>Show the Markdown</summary>
        <textarea readOnly rows={12} aria-label="The summary as Markdown" value={props.markdown} />
      </details>
    </div>
  );
}

export function Results(props: ResultsProps): JSX.Element {
  const d = props.decision;
  const summary = useMemo(() => summarize(d), [d]);
  const markdown = useMemo(() => toMarkdown(summary), [summary]);
  const printedAt = new Date().toISOString().slice(0, 10);
  // The print view is hidden on screen: built after the options are drawn, so it never delays them.
  const [printReady, setPrintReady] = useState(false);
  useEffect(() => {
    const id = window.setTimeout(() => setPrintReady(true), 0);
    return () => window.clearTimeout(id);
  }, []);
  return (
    <div
      class={`results${props.stale ? ' stale' : ''}`}
      aria-busy={props.stale}
      data-kb-ready={props.agents === undefined ? undefined : ''}
    >
      <header class="results-head">
        <p class="notice" data-notice>
          <strong>{sentence(d.notice)}</strong>
        </p>
        <p class="kb-version">
          Knowledge base <code data-kb-version>{d.kbVersion}</code> · evaluated: {profileLine(d.profile)}
        </p>
        <Actions markdown={markdown} />
      </header>
      <AtAGlance decision={d} agents={props.agents} />
      <Warnings warnings={d.warnings} />
      <section aria-labelledby="options-heading" class="options">
        <h3 id="options-heading">The options in full ({d.options.length})</h3>
        {d.options.length === 0 ? <p>No option of the review applies on the facts given.</p> : null}
        {STRENGTHS.map((strength) => {
          const list = d.options.filter((o) => o.strength === strength);
          return list.length === 0 ? null : (
            <section key={strength} class={`strength-group strength-${strength}`} data-strength={strength}>
              <h4 class="strength-heading">
                <span class={`badge strength-${strength}`}>{STRENGTH_LABEL[strength]}</span>{' '}
                <span class="meaning">{STRENGTH_MEANING[strength]}</span>
              </h4>
              {list.map((o) => (
                <OptionCard key={o.id} option={o} studyIds={props.studyIds} agents={props.agents} />
              ))}
            </section>
          );
        })}
      </section>
      {d.pending.length > 0 ? (
        <section aria-labelledby="pending-heading" class="pending-options">
          <h3 id="pending-heading">Would apply depending on unknown facts ({d.pending.length})</h3>
          <p class="help">These options are neither ruled in nor out: a fact they need is unknown.</p>
          {d.pending.map((o) => (
            <OptionCard key={o.id} option={o} studyIds={props.studyIds} agents={props.agents} pending />
          ))}
        </section>
      ) : null}
      <TrialsForPatient decision={d} trials={props.trials} />
      <MissingList missing={d.missing} options={[...d.options, ...d.pending]} />
      <nav class="panel see-also" aria-label="Evidence behind the options">
        <h3>The evidence</h3>
        <ul>
          <li>
            <Link href="/evidence/forest">Forest plot of every hazard ratio in the review</Link>
          </li>
          <li>
            <Link href="/evidence/compare">Compare one endpoint across studies (cross-trial)</Link>
          </li>
          <li>
            <Link href="/evidence">All studies</Link> · <Link href="/trials">All trials</Link>
          </li>
        </ul>
      </nav>
      {printReady ? (
        <PrintSummary summary={summary} printedAt={printedAt} references={props.references} />
      ) : null}
    </div>
  );
}
