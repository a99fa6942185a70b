/**
 * The answer at a glance, first in the patient view: the outside-evidence sentence, one row per option (strength,
 * option, agents, the one key number, trials) with a link that opens its full card, and the one test that would
 * change the most options. Read from the decision as the server sent it.
 * @module
 */
import type { JSX } from 'preact';
import type { Missing, Option, RecommendedDecision } from '../contract.js';
import { fieldLabel } from '../contract.js';
import { Link } from '../router.js';
import { Refs } from '../ui/quote.js';
import { STRENGTH_LABEL } from '../ui/strength.js';
import { type AgentInfo, agentsText } from './agents-text.js';
import { extrapolationOf, outsideEvidenceOf } from './decision-extras.js';
import { openOptionCard } from './open-card.js';

/** The one key number of an option: the first figure of its first key number line. */
export function keyNumberOf(o: Option): string {
  const first = o.keyNumbers[0];
  if (first === undefined) {
    return '—';
  }
  return first.text.split('; ')[0] ?? first.text;
}

/** The missing fact whose test would change the most options (ties: the decision's order). */
export function mostTelling(missing: readonly Missing[]): Missing | undefined {
  let best: Missing | undefined;
  for (const m of missing) {
    if (best === undefined || m.affects.length > best.affects.length) {
      best = m;
    }
  }
  return best;
}

function Row(props: {
  readonly option: Option;
  readonly agents: ReadonlyMap<string, AgentInfo> | undefined;
  readonly pending?: boolean;
}): JSX.Element {
  const o = props.option;
  const extrapolated = extrapolationOf(o).length > 0;
  return (
    <tr data-glance-option={o.id} class={props.pending === true ? 'pending' : undefined}>
      <td data-label="Strength">
        <span class={`badge strength-${o.strength}`}>{STRENGTH_LABEL[o.strength]}</span>
        {props.pending === true ? <span class="needs-note"> if unknown facts allow</span> : null}
      </td>
      <th scope="row" data-label="Option">
        <a
          href={`#option-${o.id}`}
          onClick={(e) => {
            e.preventDefault();
            openOptionCard(o.id);
          }}
        >
          {o.title}
        </a>
        {extrapolated ? <span class="badge neutral extrapolated">beyond its studied population</span> : null}
      </th>
      <td data-label="Agents">{agentsText(o.agents, props.agents)}</td>
      <td data-label="Key number">{keyNumberOf(o)}</td>
      <td data-label="Trials">
        {o.trials.length === 0
          ? '—'
          : o.trials.map((t, i) => (
              <span key={t}>
                {i > 0 ? ', ' : ''}
                <Link href={`/trials#${t}`}>{t}</Link>
              </span>
            ))}
      </td>
    </tr>
  );
}

export function AtAGlance(props: {
  readonly decision: RecommendedDecision;
  readonly agents: ReadonlyMap<string, AgentInfo> | undefined;
}): JSX.Element {
  const d = props.decision;
  const outside = outsideEvidenceOf(d);
  const telling = mostTelling(d.missing);
  return (
    <section class="panel at-a-glance" aria-labelledby="glance-heading">
      <h3 id="glance-heading" tabIndex={-1}>
        At a glance
      </h3>
      {outside.map((x) => (
        <p key={x.text} class="outside-evidence" data-outside-evidence>
          <strong>Outside the evidence:</strong> {x.text} <Refs refs={x.refs} />
        </p>
      ))}
      {d.options.length + d.pending.length === 0 ? (
        <p>No option of the review applies on the facts given.</p>
      ) : (
        <table class="glance">
          <caption class="visually-hidden">
            The options for this patient, strongest first; each opens its full card below
          </caption>
          <thead>
            <tr>
              <th scope="col">Strength</th>
              <th scope="col">Option</th>
              <th scope="col">Agents</th>
              <th scope="col">Key number</th>
              <th scope="col">Trials</th>
            </tr>
          </thead>
          <tbody>
            {d.options.map((o) => (
              <Row key={o.id} option={o} agents={props.agents} />
            ))}
            {d.pending.map((o) => (
              <Row key={o.id} option={o} agents={props.agents} pending />
            ))}
          </tbody>
        </table>
      )}
      {telling === undefined ? null : (
        <p class="telling" data-telling={telling.field}>
          <strong>The test that would change the most:</strong> {telling.test}{' '}
          {`(${fieldLabel(telling.field)}; bears on ${telling.affects.length} option${telling.affects.length === 1 ? '' : 's'}).`}
        </p>
      )}
    </section>
  );
}
