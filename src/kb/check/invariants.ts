/**
 * Clinical invariants of the data model that `kb check` enforces beside the scope proof: every agent carries the
 * class risks its class must report; every study population states its bounds with the words of the source (age
 * words held to the table in `facts.yaml`); ages are whole years; a number needed to treat is derived only from a
 * difference the review reports as significant; every rule answers a known question; no two different conditions of one
 * criterion share a label (the trace, the cards and `kb diff` show conditions by their labels); every rule fires only
 * for patients its question is asked for (a rule answering "blinatumomab in Ph-negative B-ALL" never reaches a
 * Ph-positive patient); every fact of `facts.yaml` is labelled as the profile's label table names its field, so the
 * cards, the app, the CLI and the decision's own sentences name one field one way.
 * @module
 */
import type { Issue } from '../../issues/index.js';
import { FIELD_LABELS } from '../../profile/labels.js';
import type { Origin } from '../load.js';
import type { AgeWordDefinition, Criterion, Kb, Outcome, ScopeCriterion, Study } from '../schema/index.js';
import { describeBox, regionOf, uncovered } from './region.js';
import { PROFILE_DOMAINS } from './scope-proof.js';
import { normalizeText } from './text.js';

type Push = (code: Issue['code'], key: string, path: string, message: string) => void;

function ageValues(c: Criterion, out: number[]): void {
  if ('all' in c) {
    for (const k of c.all) {
      ageValues(k, out);
    }
  } else if ('any' in c) {
    for (const k of c.any) {
      ageValues(k, out);
    }
  } else if ('not' in c) {
    ageValues(c.not, out);
  } else if (c.fact === 'age' && typeof c.value === 'number') {
    out.push(c.value);
  }
}

function checkClassRisks(kb: Kb, push: Push): void {
  for (const required of kb.requiredClassRisks) {
    for (const agent of kb.agents.filter((a) => a.class === required.agentClass)) {
      for (const kind of required.kinds.filter((k) => !agent.classRisks.some((r) => r.kind === k))) {
        push(
          'kb.class-risk',
          `agents:${agent.id}`,
          'classRisks',
          `agent "${agent.id}" (${agent.class}) has no class risk of kind "${kind}": ${required.why}`,
        );
      }
    }
  }
}

/** The bound an age word gives a criterion with this operator (`gt 55` is the same as `ge 56`). */
function wordBound(w: AgeWordDefinition, op: string): number | undefined {
  switch (op) {
    case 'ge':
      return w.min;
    case 'gt':
      // Stryker disable next-line ConditionalExpression: unguarded, undefined - 1 is NaN, which matches no bound either
      return w.min === undefined ? undefined : w.min - 1;
    case 'le':
      return w.max;
    case 'lt':
      // Stryker disable next-line ConditionalExpression: unguarded, undefined + 1 is NaN, which matches no bound either
      return w.max === undefined ? undefined : w.max + 1;
    // Stryker disable next-line ConditionalExpression: without the default the switch returns undefined all the same
    default:
      return undefined; // eq and the list operators: no age word gives one value
  }
}

function checkCriterion(
  c: ScopeCriterion,
  at: { key: string; path: string },
  words: ReadonlyMap<string, AgeWordDefinition>,
  push: Push,
): void {
  if (c.fact === 'age' && (typeof c.value !== 'number' || !Number.isInteger(c.value))) {
    push('kb.population', at.key, `${at.path}.value`, 'ages are whole years (completed years)');
  }
  if (c.words === undefined) {
    return;
  }
  const w = words.get(c.words);
  if (w === undefined || c.fact !== 'age' || wordBound(w, c.op) !== c.value) {
    const gives =
      w === undefined
        ? 'no bound (not in kb/facts.yaml ageWords)'
        : `min ${w.min ?? '-'}, max ${w.max ?? '-'}`;
    push(
      'kb.population',
      at.key,
      at.path,
      `age word "${c.words}" gives ${gives}; "${c.op} ${String(c.value)}" does not match it`,
    );
    return;
  }
  const quote = normalizeText(c.quote).toLowerCase();
  if (!w.matches.some((m) => quote.includes(m.toLowerCase()))) {
    push(
      'kb.population',
      at.key,
      `${at.path}.quote`,
      `the quote does not use the word "${c.words}" (${w.matches.join(', ')})`,
    );
  }
}

function checkPopulations(kb: Kb, push: Push): void {
  const words = new Map(kb.ageWords.map((w) => [w.word, w]));
  for (const study of kb.studies) {
    const scope = study.population.scope;
    const key = `studies:${study.id}`;
    scope.criteria.forEach((c, i) => {
      checkCriterion(c, { key, path: `population.scope.criteria.${i}` }, words, push);
    });
    scope.alternatives.forEach((alt, a) => {
      alt.forEach((c, i) => {
        checkCriterion(c, { key, path: `population.scope.alternatives.${a}.${i}` }, words, push);
      });
    });
  }
}

const significantP = (o: Outcome): boolean => o.p !== undefined && o.p.op !== '>' && o.p.value < 0.05;

/**
 * Whether the review reports the difference between two arms as significant: a P value below .05 on either arm, or
 * a hazard ratio for the same endpoint and subgroup whose confidence interval excludes 1. Only then may Frontline
 * derive an absolute difference and a number needed to treat from it.
 */
function reportedSignificant(study: Study, exp: Outcome | undefined, ctl: Outcome | undefined): boolean {
  if (exp === undefined || ctl === undefined) {
    return false;
  }
  if (significantP(exp) || significantP(ctl)) {
    return true;
  }
  return study.outcomes.some(
    (o) =>
      o.measure === 'hazard-ratio' &&
      o.endpoint === exp.endpoint &&
      o.subgroup === exp.subgroup &&
      o.ci !== undefined &&
      (o.ci.upper < 1 || o.ci.lower > 1),
  );
}

function checkComparisons(kb: Kb, push: Push): void {
  const studies = new Map(kb.studies.map((s) => [s.id, s]));
  for (const rule of kb.recommendations) {
    rule.comparisons.forEach((c, i) => {
      const study = studies.get(c.study);
      if (study === undefined) {
        return; // a dangling study is reported by the reference check
      }
      const exp = study.outcomes.find((o) => o.id === c.experimental);
      const ctl = study.outcomes.find((o) => o.id === c.control);
      if (!reportedSignificant(study, exp, ctl)) {
        push(
          'kb.derived',
          `rules:${rule.id}`,
          `comparisons.${i}`,
          `no number needed to treat from ${c.experimental} vs ${c.control}: the review reports no significant difference (no P < .05, no hazard ratio whose CI excludes 1)`,
        );
      }
    });
  }
}

function checkQuestions(kb: Kb, push: Push): void {
  const questions = new Set(kb.questions.map((q) => q.id));
  const studies = new Set(kb.studies.map((s) => s.id));
  for (const q of kb.questions) {
    q.studies.forEach((id, i) => {
      if (!studies.has(id)) {
        push(
          'kb.dangling-ref',
          `questions:${q.id}`,
          `studies.${i}`,
          `question "${q.id}" names unknown study "${id}"`,
        );
      }
    });
  }
  for (const rule of kb.recommendations) {
    if (!questions.has(rule.question)) {
      push(
        'kb.dangling-ref',
        `rules:${rule.id}`,
        'question',
        `rule "${rule.id}" must answer one of the questions (${[...questions].join(', ') || 'none defined'})`,
      );
    }
    const ages: number[] = [];
    ageValues(rule.when, ages);
    if (ages.some((a) => !Number.isInteger(a))) {
      push(
        'kb.population',
        `rules:${rule.id}`,
        'when',
        'ages are whole years (the engine compares completed years)',
      );
    }
  }
}

/** Each labelled condition of a criterion tree, with its label and what it tests. */
function labelledConditions(c: Criterion, out: { label: string; test: string }[]): void {
  if ('all' in c || 'any' in c) {
    for (const x of 'all' in c ? c.all : c.any) {
      labelledConditions(x, out);
    }
  } else if ('not' in c) {
    labelledConditions(c.not, out);
  } else if (c.label !== undefined) {
    out.push({ label: c.label, test: JSON.stringify([c.fact, c.op, c.value]) });
  }
}

function checkLabels(kb: Kb, push: Push): void {
  const trees: [key: string, path: string, tree: Criterion][] = [
    ...kb.recommendations.flatMap((r): [string, string, Criterion][] => [
      [`rules:${r.id}`, 'when', r.when],
      ...r.warnings.flatMap((w, i): [string, string, Criterion][] =>
        w.when === undefined ? [] : [[`rules:${r.id}`, `warnings.${i}.when`, w.when]],
      ),
    ]),
    ...kb.alerts.map((a): [string, string, Criterion] => [`alerts:${a.code}`, 'when', a.when]),
    ...kb.questions.map((q): [string, string, Criterion] => [`questions:${q.id}`, 'when', q.when]),
  ];
  for (const [key, path, tree] of trees) {
    // Stryker disable next-line ArrayDeclaration: a stray first element has no label and matches no other
    const found: { label: string; test: string }[] = [];
    labelledConditions(tree, found);
    const seen = new Map<string, string>();
    for (const { label, test } of found) {
      const other = seen.get(label);
      if (other !== undefined && other !== test) {
        push(
          'kb.label',
          key,
          path,
          `two different conditions are both labelled "${label}": say what each one tests`,
        );
      }
      seen.set(label, test);
    }
  }
}

function checkRulesInsideQuestions(kb: Kb, push: Push): void {
  for (const rule of kb.recommendations) {
    const question = kb.questions.find((q) => q.id === rule.question);
    if (question === undefined) {
      continue; // reported by checkQuestions
    }
    const outside = uncovered(
      regionOf(rule.when, PROFILE_DOMAINS),
      regionOf(question.when, PROFILE_DOMAINS),
      PROFILE_DOMAINS,
    );
    if (outside.length > 0) {
      push(
        'kb.rule-scope',
        `rules:${rule.id}`,
        'when',
        `rule "${rule.id}" fires outside its question "${question.id}" (${question.title}), e.g. for ${describeBox(outside[0] ?? new Map(), PROFILE_DOMAINS)}: narrow the rule, or let it answer a question asked for those patients`,
      );
    }
  }
}

function checkFactLabels(kb: Kb, push: Push): void {
  for (const f of kb.facts) {
    // The schema's list of facts is a subset of the table's keys (the type checker proves it here).
    const expected = FIELD_LABELS[f.fact];
    if (f.label !== expected) {
      push(
        'kb.fact-label',
        `facts:${f.fact}`,
        'label',
        `"${f.label}" must be "${expected}", the label src/profile/labels.ts gives ${f.fact} (change both together)`,
      );
    }
  }
}

/** The invariants, every violation reported. */
export function checkInvariants(kb: Kb, origins: ReadonlyMap<string, Origin>): Issue[] {
  const issues: Issue[] = [];
  const push: Push = (code, key, path, message) => {
    const o = origins.get(key);
    const base = o === undefined || o.path === '' ? '' : `${o.path}.`;
    issues.push({ code, severity: 'error', file: o?.file ?? key, path: `${base}${path}`, message });
  };
  checkClassRisks(kb, push);
  checkPopulations(kb, push);
  checkComparisons(kb, push);
  checkQuestions(kb, push);
  checkLabels(kb, push);
  checkRulesInsideQuestions(kb, push);
  checkFactLabels(kb, push);
  return issues;
}
