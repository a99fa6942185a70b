/**
 * `/evidence/studies/{id}`: one study with every outcome, its quote and reference numbers, and the notes where the
 * review is inconsistent or unclear.
 * @module
 */

import type { JSX } from 'preact';
import { type Kb, type Outcome, printedIn, type Study, valueLabel } from '../contract.js';
import { Link } from '../router.js';
import { Quote, QuoteText, Refs } from '../ui/quote.js';
import { STRENGTH_LABEL } from '../ui/strength.js';
import { useHashTarget } from '../ui/use-hash-target.js';
import { EvidenceNav } from './studies-view.js';

/** "85%", "HR 0.16 (95% CI 0.05–0.47)", "> 93%": the number as the source reports it. */
export function outcomeValue(o: Outcome): string {
  const q = o.qualifier === undefined ? '' : o.qualifier === 'approximately' ? '≈ ' : `${o.qualifier} `;
  const unit = o.unit === '%' ? '%' : o.unit === 'ratio' ? '' : ` ${o.unit}`;
  const pm = o.plusMinus === undefined ? '' : ` ± ${printedIn(o.quote, o.plusMinus)}`;
  const count = o.count !== undefined && o.denominator !== undefined ? ` (${o.count}/${o.denominator})` : '';
  const prefix = o.measure === 'hazard-ratio' ? 'HR ' : '';
  return `${prefix}${q}${printedIn(o.quote, o.value)}${pm}${unit}${count}`;
}

export function ciText(o: Outcome): string {
  return o.ci === undefined
    ? ''
    : `${o.ci.level === undefined ? '' : `${o.ci.level}% `}CI ${printedIn(o.quote, o.ci.lower)}–${printedIn(o.quote, o.ci.upper)}`;
}

export function pText(o: Outcome): string {
  return o.p === undefined ? '' : `P ${o.p.op} ${String(o.p.value).replace(/^0\./, '.')}`;
}

/** The endpoint in words: the source's label when there is one. */
export function endpointName(o: Outcome): string {
  return o.label ?? o.endpoint;
}

function armLabel(study: Study, id: string | undefined): string {
  if (id === undefined) {
    return '';
  }
  return study.arms.find((a) => a.id === id)?.label ?? id;
}

function OutcomeRow(props: { readonly study: Study; readonly o: Outcome }): JSX.Element {
  const { study, o } = props;
  const arm = armLabel(study, o.arm);
  const versus = armLabel(study, o.versus);
  return (
    <tr id={`outcome-${o.id}`} data-outcome-id={o.id}>
      <th scope="row">
        {endpointName(o)}
        {o.timepoint === undefined ? '' : `, ${o.timepoint}`}
        <span class="sub">
          {o.category}
          {o.grade === undefined ? '' : ` · grade ${o.grade}`}
        </span>
      </th>
      <td class="num">
        <strong>{outcomeValue(o)}</strong>
        {o.ci === undefined ? null : <span class="sub">{ciText(o)}</span>}
        {o.p === undefined ? null : <span class="sub">{pText(o)}</span>}
      </td>
      <td>
        {arm}
        {versus === '' ? '' : ` vs ${versus}`}
        {o.subgroup === undefined ? null : <span class="sub">subgroup: {o.subgroup}</span>}
      </td>
      <td class="quote-cell">
        <QuoteText text={o.quote} /> <Refs refs={o.refs} />
        {o.note === undefined ? null : <p class="note">Note: {o.note}</p>}
      </td>
    </tr>
  );
}

export function StudyView(props: {
  readonly kb: Kb;
  readonly id: string;
  readonly hash: string;
}): JSX.Element {
  const { kb, id } = props;
  useHashTarget(props.hash);
  const study = kb.studies.find((s) => s.id === id);
  if (study === undefined) {
    return (
      <div>
        <h1 tabIndex={-1}>No study “{id}”</h1>
        <p>
          The knowledge base has no study with this id. See <Link href="/evidence">all studies</Link>.
        </p>
      </div>
    );
  }
  const agents = new Map(kb.agents.map((a) => [a.id, a]));
  const rules = kb.recommendations.filter(
    (r) => r.evidence.some((e) => e.study === study.id) || r.keyNumbers.some((k) => k.study === study.id),
  );
  const notes = [...study.notes, ...(study.population.note === undefined ? [] : [study.population.note])];
  const outcomeNotes = study.outcomes.filter((o) => o.note !== undefined);
  return (
    <article class="study-view" data-study-id={study.id}>
      <h1 tabIndex={-1}>{study.name}</h1>
      <EvidenceNav />
      <p class="meta">
        <Refs refs={study.refs} /> · phase {valueLabel(study.phase)} · {valueLabel(study.design)} ·{' '}
        {study.settings.map(valueLabel).join(', ')} · lineage {study.lineage} · Ph {valueLabel(study.ph)} ·{' '}
        {valueLabel(study.status)}
        {study.aliases.length > 0 ? ` · also: ${study.aliases.join(', ')}` : ''}
      </p>
      <section aria-labelledby="study-summary">
        <h2 id="study-summary">What the review says</h2>
        <Quote text={study.summary.quote} refs={study.summary.refs} />
        <dl class="facts">
          <dt>Section</dt>
          <dd>{study.section}</dd>
          <dt>Regimen</dt>
          <dd>{study.regimen}</dd>
          <dt>Agents</dt>
          <dd>
            {study.agents
              .map((a) => {
                const agent = agents.get(a);
                return agent === undefined
                  ? a
                  : `${agent.name}${agent.targets.length > 0 ? ` (${agent.targets.join(', ')})` : ''}`;
              })
              .join('; ') || '—'}
          </dd>
          <dt>Population</dt>
          <dd>
            {study.population.description}
            {study.population.n === undefined ? '' : ` · n = ${study.population.n}`}
            {study.population.ageMedian === undefined ? '' : ` · median age ${study.population.ageMedian}`}
            {study.population.ageMin === undefined && study.population.ageMax === undefined
              ? ''
              : ` · ages ${study.population.ageMin ?? '?'}–${study.population.ageMax ?? '?'}`}
          </dd>
          {study.arms.length > 0 ? (
            <>
              <dt>Arms</dt>
              <dd>
                {study.arms.map((a) => `${a.label}${a.control === true ? ' (control)' : ''}`).join('; ')}
              </dd>
            </>
          ) : null}
          {study.trials.length > 0 ? (
            <>
              <dt>Trials</dt>
              <dd>
                {study.trials.map((t, i) => (
                  <span key={t}>
                    {i > 0 ? ', ' : ''}
                    <Link href={`/trials#${t}`}>{t}</Link>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
        <details>
          <summary>Population, in the review’s words</summary>
          <Quote text={study.population.quote} refs={study.population.refs} />
        </details>
      </section>
      <section aria-labelledby="study-outcomes">
        <h2 id="study-outcomes">Outcomes ({study.outcomes.length})</h2>
        {study.outcomes.length === 0 ? (
          <p>The review reports no outcome for this study.</p>
        ) : (
          <div class="table-wrap">
            <table class="outcomes">
              <thead>
                <tr>
                  <th scope="col">Endpoint</th>
                  <th scope="col" class="num">
                    Value
                  </th>
                  <th scope="col">Arm / subgroup</th>
                  <th scope="col">The review’s words</th>
                </tr>
              </thead>
              <tbody>
                {study.outcomes.map((o) => (
                  <OutcomeRow key={o.id} study={study} o={o} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="study-notes">
        <h2 id="study-notes">Notes on inconsistencies in the source</h2>
        {notes.length === 0 && outcomeNotes.length === 0 ? (
          <p>None recorded.</p>
        ) : (
          <ul>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
            {outcomeNotes.map((o) => (
              <li key={o.id}>
                <a href={`#outcome-${o.id}`}>{endpointName(o)}</a>: {o.note}
              </li>
            ))}
          </ul>
        )}
      </section>
      {rules.length > 0 ? (
        <section aria-labelledby="study-rules">
          <h2 id="study-rules">Options that cite this study</h2>
          <ul>
            {rules.map((r) => (
              <li key={r.id}>
                <span class={`badge strength-${r.strength}`}>{STRENGTH_LABEL[r.strength]}</span> {r.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
