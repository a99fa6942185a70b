/**
 * One option as the engine returned it: title, strength, the reasons (trace), key numbers, derived differences
 * (labelled as derived), warnings, trials, the authors' statements (each kind apart) and the evidence quotes.
 * @module
 */
import type { JSX } from 'preact';
import type { Option, StatementKind } from '../contract.js';
import { fieldLabel } from '../contract.js';
import { Link } from '../router.js';
import { Disclosure } from '../ui/disclosure.js';
import { Quote, Refs } from '../ui/quote.js';
import { STATEMENT_KIND, STRENGTH_LABEL } from '../ui/strength.js';
import { type AgentInfo, agentsText } from './agents-text.js';
import { extrapolationOf } from './decision-extras.js';
import { Trace } from './trace.js';

export interface OptionCardProps {
  readonly option: Option;
  /** Study ids of the knowledge base, once known: evidence from a study links to its page. */
  readonly studyIds: ReadonlySet<string> | undefined;
  readonly pending?: boolean;
  /** Agent names and classes, once the knowledge base is known: alternatives then read "or". */
  readonly agents?: ReadonlyMap<string, AgentInfo> | undefined;
}

function StudyName(props: {
  readonly id: string;
  readonly name: string;
  readonly studyIds: ReadonlySet<string> | undefined;
}) {
  return props.studyIds?.has(props.id) === true ? (
    <Link href={`/evidence/studies/${encodeURIComponent(props.id)}`}>{props.name}</Link>
  ) : (
    <span>{props.name}</span>
  );
}

function Statements(props: { readonly option: Option }): JSX.Element | null {
  const { statements } = props.option;
  if (statements.length === 0) {
    return null;
  }
  const kinds = [...new Set(statements.map((s) => s.kind))];
  return (
    <div class="statements">
      <h5>The authors’ statements</h5>
      {kinds.map((kind) => (
        <div key={kind} class={`statement-kind kind-${kind}`}>
          <h6>{STATEMENT_KIND[kind as StatementKind] ?? kind}</h6>
          {statements
            .filter((s) => s.kind === kind)
            .map((s) => (
              <Quote key={s.id} text={s.quote} refs={s.refs} />
            ))}
        </div>
      ))}
    </div>
  );
}

export function OptionCard(props: OptionCardProps): JSX.Element {
  const o = props.option;
  const headingId = `option-${o.id}-title`;
  const extrapolation = extrapolationOf(o);
  return (
    <article
      class={`option strength-${o.strength}${props.pending === true ? ' pending' : ''}`}
      id={`option-${o.id}`}
      data-option-id={o.id}
      aria-labelledby={headingId}
    >
      <details class="option-details">
        <summary>
          <h4 id={headingId}>{o.title}</h4>{' '}
          <span class="meta">
            <span class={`badge strength-${o.strength}`}>{STRENGTH_LABEL[o.strength]}</span>
            {o.phase === 'relapsed-refractory' ? (
              <span class="badge neutral">relapsed/refractory background, outside frontline</span>
            ) : null}
            <span class="agents">{agentsText(o.agents, props.agents)}</span>
          </span>
        </summary>
        {extrapolation.length > 0 ? (
          <div class="extrapolation" data-extrapolation>
            <h5>Beyond its studied population</h5>
            {extrapolation.map((x) => (
              <div key={x.text}>
                <p>{x.text}</p>
                <Quote text={x.quote} refs={x.refs} />
              </div>
            ))}
          </div>
        ) : null}
        {props.pending === true ? (
          <p class="needs">
            Would apply if these unknown facts allow:{' '}
            <strong>{o.unknownFacts.map((f) => fieldLabel(f)).join(', ')}</strong>
          </p>
        ) : null}
        <p class="rationale">{o.rationale}</p>
        <h5>Reasons</h5>
        <Trace nodes={o.because} />
        {o.keyNumbers.length > 0 ? (
          <>
            <h5>Key numbers</h5>
            <ul class="key-numbers">
              {o.keyNumbers.map((k) => (
                <li key={k.text}>
                  {k.text}{' '}
                  <span class="study">
                    (<StudyName id={k.study} name={k.studyName} studyIds={props.studyIds} />;{' '}
                    <Refs refs={[...new Set(k.outcomes.flatMap((x) => x.refs))]} />)
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {o.derived.length > 0 ? (
          <div class="derived">
            <h5>
              Derived differences <span class="badge derived-badge">derived by Frontline</span>
            </h5>
            <p class="help">
              Computed by Frontline from the two arms of one randomized study, not stated in the review.
            </p>
            <ul>
              {o.derived.map((d) => (
                <li key={d.text}>{d.text}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {o.warnings.length > 0 ? (
          <>
            <h5>Warnings</h5>
            <ul class="warnings">
              {o.warnings.map((w) => (
                <li key={w.code} class={w.applies === true ? 'applies' : 'may-apply'}>
                  <span class="warn-sign" aria-hidden="true">
                    ⚠
                  </span>{' '}
                  {w.applies === 'unknown' ? <strong>May apply (depends on unknown facts): </strong> : null}
                  {w.text} <Refs refs={w.refs} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {o.trials.length > 0 ? (
          <p class="trials">
            <strong>Trials:</strong>{' '}
            {o.trials.map((t, i) => (
              <span key={t}>
                {i > 0 ? ', ' : ''}
                <Link href={`/trials#${t}`}>{t}</Link>
              </span>
            ))}
          </p>
        ) : null}
        <Disclosure
          class="evidence"
          summary={`The authors’ words and the evidence quotes (${o.statements.length + o.evidence.length})`}
        >
          {() => (
            <>
              <Statements option={o} />
              <h5>Evidence</h5>
              {o.evidence.map((e) => (
                <div key={`${e.study}:${e.quote}`} class="evidence-item">
                  <p class="study">
                    <StudyName id={e.study} name={e.studyName} studyIds={props.studyIds} />
                  </p>
                  <Quote text={e.quote} refs={e.refs} />
                </div>
              ))}
              {o.warnings.length > 0 ? (
                <>
                  <h5>Quotes behind the warnings</h5>
                  {o.warnings.map((w) => (
                    <Quote key={w.code} text={w.quote} refs={w.refs} />
                  ))}
                </>
              ) : null}
            </>
          )}
        </Disclosure>
      </details>
    </article>
  );
}
