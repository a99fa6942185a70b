/**
 * A study's population as a criteria tree over the profile: its lineage, Ph status and setting (from the study), the
 * fitness its regimen needed (an intensive or unstated regimen studied only patients fit for intensive chemotherapy),
 * and its stated selection criteria. The scope proof reasons over it; the engine evaluates it to say when a patient
 * lies outside every studied population.
 * @module
 */
import type { Agent, Alert, Comparison, Criterion, Rule, ScopeCriterion, Study } from './schema/index.js';

/** The profile phases a study setting covers: frontline therapy runs from diagnosis through remission. */
const PHASES_OF_SETTING = {
  frontline: ['newly-diagnosed', 'remission'],
  mrd: ['remission'],
  'relapsed-refractory': ['relapsed-refractory'],
} as const;

/**
 * The population criteria of a study, each labelled in a clinician's words. `fitness: false` leaves out the
 * fitness the regimen needed (for prognostic findings, which describe the disease rather than the treatment).
 */
export function populationCriteria(study: Study, options: { readonly fitness?: boolean } = {}): Criterion[] {
  const out: Criterion[] = [];
  if (study.lineage !== 'any') {
    out.push({ fact: 'lineage', op: 'eq', value: study.lineage, label: `${study.lineage}-ALL` });
  }
  if (study.ph === 'negative' || study.ph === 'positive') {
    out.push({ fact: 'ph', op: 'eq', value: study.ph, label: `Ph-${study.ph}` });
  } else if (study.ph === 'positive-or-ph-like') {
    out.push({
      any: [
        { fact: 'ph', op: 'eq', value: 'positive', label: 'Ph-positive' },
        { fact: 'phLike', op: 'eq', value: true, label: 'Ph-like' },
      ],
      label: 'Ph-positive or Ph-like',
    });
  }
  const phases = [...new Set(study.settings.flatMap((s) => PHASES_OF_SETTING[s]))];
  if (phases.length < 3) {
    out.push({ fact: 'phase', op: 'in', value: phases, label: phases.join(' or ') });
  }
  const scope = study.population.scope;
  const intensity = scope.intensity.value;
  if (options.fitness !== false && (intensity === 'intensive' || intensity === 'not-stated')) {
    out.push({
      fact: 'fitForIntensiveChemo',
      op: 'eq',
      value: true,
      label:
        intensity === 'intensive'
          ? 'fit for intensive chemotherapy (an intensive regimen)'
          : 'fit for intensive chemotherapy (the review does not say unfit patients were studied)',
    });
  }
  out.push(...scope.criteria.map(comparisonOf));
  const alternatives = scope.alternatives;
  if (alternatives.length > 0) {
    out.push({
      any: alternatives.map((alt) => ({ all: alt.map(comparisonOf) })),
      label: 'one of its groups',
    });
  }
  return out;
}

function comparisonOf(c: ScopeCriterion): Comparison {
  return {
    fact: c.fact,
    op: c.op,
    value: c.value,
    ...(c.label === undefined ? {} : { label: c.label }),
    ...(c.written === undefined ? {} : { written: c.written }),
  };
}

const lowerAgeBound = (c: ScopeCriterion): boolean =>
  c.fact === 'age' && (c.op === 'ge' || c.op === 'gt' || c.op === 'eq');

/**
 * Whether the source states the ages of a study's population (by number or by an age word) down to a lower bound:
 * a population stated only as "60 years or younger" does not say whether children were included, so it licenses no
 * age (the scope proof never reads an unstated bound as 0).
 */
export function agesStated(study: Study): boolean {
  const scope = study.population.scope;
  return (
    scope.criteria.some(lowerAgeBound) ||
    (scope.alternatives.length > 0 && scope.alternatives.every((alt) => alt.some(lowerAgeBound)))
  );
}

/**
 * The criteria an option inherits from its agents' targets: the target must not be absent (a CD22-directed drug
 * needs CD22 on the blasts). Unknown → the option is pending on the test that reads the target.
 */
export function targetCriteria(rule: Pick<Rule, 'agents'>, agents: readonly Agent[]): Criterion[] {
  const out: Criterion[] = [];
  const facts = new Set<string>();
  for (const id of rule.agents) {
    const target = agents.find((a) => a.id === id)?.target;
    if (target !== undefined && !facts.has(target.fact)) {
      facts.add(target.fact);
      out.push({
        not: { fact: target.fact, op: 'in', value: target.absent, label: `${target.antigen} absent` },
        label: `${target.label} (${id} is directed at ${target.antigen})`,
      });
    }
  }
  return out;
}

/** A rule's criteria with its agents' target criteria added (one `all`, so the trace stays flat). */
export function ruleCriteria(rule: Pick<Rule, 'agents' | 'when'>, agents: readonly Agent[]): Criterion {
  const targets = targetCriteria(rule, agents);
  if (targets.length === 0) {
    return rule.when;
  }
  return 'all' in rule.when
    ? {
        all: [...rule.when.all, ...targets],
        ...(rule.when.label === undefined ? {} : { label: rule.when.label }),
      }
    : { all: [rule.when, ...targets] };
}

/**
 * An alert's criteria, bounded by the populations of the studies it reports on: a prognostic finding of an adult
 * study is never shown for a child. An alert that names no study keeps its own criteria.
 */
export function alertCriteria(alert: Pick<Alert, 'when' | 'studies'>, studies: readonly Study[]): Criterion {
  const inside = studies
    .filter((s) => alert.studies.includes(s.id))
    .map((s): Criterion => ({ all: populationCriteria(s, { fitness: false }), label: `as in ${s.name}` }));
  const first = inside[0];
  if (first === undefined) {
    return alert.when;
  }
  const population: Criterion = inside.length === 1 ? first : { any: inside, label: 'as in its studies' };
  return 'all' in alert.when
    ? {
        all: [...alert.when.all, population],
        ...(alert.when.label === undefined ? {} : { label: alert.when.label }),
      }
    : { all: [alert.when, population] };
}
