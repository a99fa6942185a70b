/**
 * `/trials`: every NCT trial the review names, what it says of each, and which profile fields decide a match
 * (from the `when` criteria of the rules that name the trial).
 * @module
 */
import type { JSX } from 'preact';
import type { Kb, Rule, Trial } from '../contract.js';
import { fieldLabel, sponsorText, valueLabel } from '../contract.js';
import { Link, type Location } from '../router.js';
import { Quote } from '../ui/quote.js';
import { STRENGTH_LABEL } from '../ui/strength.js';
import { useHashTarget } from '../ui/use-hash-target.js';
import { criterionLines, factsOf } from './criteria.js';
import { PatientTrials } from './patient-trials.js';

function RuleCriteria(props: { readonly rule: Rule }): JSX.Element {
  const r = props.rule;
  return (
    <li>
      <span class={`badge strength-${r.strength}`}>{STRENGTH_LABEL[r.strength]}</span> {r.title}
      <details>
        <summary>Criteria ({factsOf(r.when).map(fieldLabel).join(', ')})</summary>
        <ul class="criteria">
          {criterionLines(r.when).map((l, i) => (
            <li key={i} style={{ paddingLeft: `${l.depth * 1.2}em` }}>
              {l.text}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

function TrialCard(props: {
  readonly trial: Trial;
  readonly rules: readonly Rule[];
  readonly kb: Kb;
}): JSX.Element {
  const t = props.trial;
  const facts = [...new Set(props.rules.flatMap((r) => factsOf(r.when)))];
  const study = t.study === undefined ? undefined : props.kb.studies.find((s) => s.id === t.study);
  const agents = new Map(props.kb.agents.map((a) => [a.id, a.name]));
  return (
    <article class="trial" id={t.nct} data-nct={t.nct} aria-labelledby={`${t.nct}-title`} tabIndex={-1}>
      <h2 id={`${t.nct}-title`}>
        {t.nct}
        {t.name === undefined ? '' : ` — ${t.name}`}
      </h2>
      <p class="meta">
        {t.agents.map((a) => agents.get(a) ?? a).join(', ')} · {t.lineage}-ALL · Ph {valueLabel(t.ph)} ·{' '}
        {t.settings.map(valueLabel).join(', ')} · phase {valueLabel(t.phase)} · {valueLabel(t.status)}
        {study === undefined ? null : (
          <>
            {' · study: '}
            <Link href={`/evidence/studies/${encodeURIComponent(study.id)}`}>{study.name}</Link>
          </>
        )}
      </p>
      <p>{t.summary}</p>
      <p>
        <strong>Population:</strong> {t.population}
      </p>
      <p class="sponsor">
        <strong>Sponsor:</strong> {sponsorText(t)}
      </p>
      <Quote text={t.quote} refs={t.refs} />
      {t.sponsor === undefined || t.quote.includes(t.sponsor.quote) ? null : (
        <Quote text={t.sponsor.quote} refs={t.sponsor.refs} />
      )}
      <h3>Profile fields that decide a match</h3>
      {facts.length === 0 ? (
        <p>No rule names this trial yet, so no profile field matches a patient to it.</p>
      ) : (
        <>
          <p class="facts-list">
            {facts.map((f) => (
              <span class="fact" key={f}>
                {fieldLabel(f)}
              </span>
            ))}
          </p>
          <ul class="rules">
            {props.rules.map((r) => (
              <RuleCriteria key={r.id} rule={r} />
            ))}
          </ul>
        </>
      )}
      <p class="external">
        <a href={`https://clinicaltrials.gov/study/${t.nct}`} rel="noopener noreferrer" target="_blank">
          {t.nct} on ClinicalTrials.gov (external, needs a network)
        </a>
      </p>
    </article>
  );
}

export function TrialsView(props: { readonly kb: Kb; readonly location: Location }): JSX.Element {
  const { kb } = props;
  useHashTarget(props.location.hash);
  const trials = [...kb.trials].sort((a, b) => a.nct.localeCompare(b.nct));
  return (
    <div class="trials-view">
      <h1 tabIndex={-1}>Trials named in the review ({trials.length})</h1>
      <p class="lede">
        Each NCT id with what the review says of it. A patient is matched to a trial by the options that name
        it; the fields below are the ones those options test.
      </p>
      <PatientTrials kb={kb} query={props.location.query} />
      <nav class="toc" aria-label="Trials">
        {trials.map((t) => (
          <a key={t.nct} href={`#${t.nct}`}>
            {t.nct}
            {t.name === undefined ? '' : ` ${t.name}`}
          </a>
        ))}
      </nav>
      {trials.map((t) => (
        <TrialCard
          key={t.nct}
          trial={t}
          kb={kb}
          rules={kb.recommendations.filter((r) => r.trials.includes(t.nct))}
        />
      ))}
    </div>
  );
}
