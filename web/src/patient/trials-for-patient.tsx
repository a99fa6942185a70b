/**
 * The trials this patient could join: every NCT id named by an option that applies (its criteria are met) or that
 * depends on unknown facts, with the option's reasons, criterion by criterion (met / not met / unknown). It reuses
 * the engine's decision and its trace; there is no second matcher.
 * @module
 */
import type { JSX } from 'preact';
import type { Option, RecommendedDecision, Trial } from '../contract.js';
import { fieldLabel, sponsorText, valueLabel } from '../contract.js';
import { Link } from '../router.js';
import { STRENGTH_LABEL } from '../ui/strength.js';
import { Trace } from './trace.js';

export interface PatientTrial {
  readonly nct: string;
  /** Options naming the trial whose criteria hold for this patient. */
  readonly via: readonly Option[];
  /** Options naming the trial that depend on unknown facts. */
  readonly pendingVia: readonly Option[];
}

/** The trials of a decision: those reached through applying options first, then those pending on unknown facts. */
export function trialsOfDecision(d: RecommendedDecision): PatientTrial[] {
  const byNct = new Map<string, { via: Option[]; pendingVia: Option[] }>();
  const add = (o: Option, key: 'via' | 'pendingVia'): void => {
    for (const nct of o.trials) {
      const entry = byNct.get(nct) ?? { via: [], pendingVia: [] };
      entry[key].push(o);
      byNct.set(nct, entry);
    }
  };
  for (const o of d.options) {
    add(o, 'via');
  }
  for (const o of d.pending) {
    add(o, 'pendingVia');
  }
  return [...byNct.entries()]
    .map(([nct, e]) => ({ nct, ...e }))
    .sort((a, b) => Number(a.via.length === 0) - Number(b.via.length === 0) || a.nct.localeCompare(b.nct));
}

function Through(props: { readonly option: Option; readonly pending: boolean }): JSX.Element {
  const o = props.option;
  return (
    <li>
      <span class={`badge strength-${o.strength}`}>{STRENGTH_LABEL[o.strength]}</span> {o.title}:{' '}
      {props.pending ? (
        <span class="verdict unknown">
          depends on {o.unknownFacts.map((f) => fieldLabel(f)).join(', ')} (unknown)
        </span>
      ) : (
        <span class="verdict met">criteria met</span>
      )}
      <details>
        <summary>Each criterion: met, not met or unknown</summary>
        <Trace nodes={o.because} />
      </details>
    </li>
  );
}

export function TrialsForPatient(props: {
  readonly decision: RecommendedDecision;
  readonly trials: readonly Trial[] | undefined;
}): JSX.Element | null {
  const list = trialsOfDecision(props.decision);
  if (list.length === 0) {
    return null;
  }
  const known = new Map((props.trials ?? []).map((t) => [t.nct, t]));
  return (
    <section class="panel trials-for-patient" aria-labelledby="patient-trials-heading">
      <h3 id="patient-trials-heading">Trials this patient could join ({list.length})</h3>
      <p class="help">
        The trials the review names for the options below; a trial’s own eligibility is decided by the trial.
      </p>
      <ul class="patient-trials">
        {list.map((t) => {
          const trial = known.get(t.nct);
          return (
            <li key={t.nct} data-patient-trial={t.nct}>
              <p>
                <Link href={`/trials#${t.nct}`}>
                  <strong>{t.nct}</strong>
                  {trial?.name === undefined ? '' : ` — ${trial.name}`}
                </Link>
                {trial === undefined ? null : (
                  <span class="meta">
                    {' '}
                    · phase {valueLabel(trial.phase)} · {valueLabel(trial.status)} · sponsor:{' '}
                    {sponsorText(trial)}
                  </span>
                )}
              </p>
              {trial === undefined ? null : <p class="population">{trial.population}</p>}
              <ul class="through">
                {t.via.map((o) => (
                  <Through key={o.id} option={o} pending={false} />
                ))}
                {t.pendingVia.map((o) => (
                  <Through key={o.id} option={o} pending />
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
