/**
 * The engine: a profile and a compiled knowledge base in, a decision with its trace out. Pure: no clock, no I/O,
 * no randomness; the same input always gives the same output.
 * @module
 */
import type { Profile } from '../profile/index.js';
import { type Facts, readFacts } from './compile.js';
import type { CompiledKb, CompiledQuestion, CompiledRule } from './compiled-kb.js';
import {
  type Decision,
  type Missing,
  NOTICE,
  type Option,
  type OptionWarning,
  type OutsideEvidence,
  type PatientWarning,
} from './decision.js';
import type { TraceNode } from './trace.js';

/** The facts of the unknown leaves of a trace, depth-first, each once. */
function unknownFacts(node: TraceNode, into: string[]): void {
  if (node.children === undefined) {
    // Stryker disable next-line ConditionalExpression: every leaf is a condition, and a condition names its fact
    if (node.verdict === 'unknown' && node.fact !== undefined && !into.includes(node.fact)) {
      into.push(node.fact);
    }
    return;
  }
  for (const child of node.children) {
    unknownFacts(child, into);
  }
}

function toOption(c: CompiledRule, root: TraceNode, facts: Facts, missing: Map<string, string[]>): Option {
  const rule = c.rule;
  const warnings: OptionWarning[] = [];
  for (const w of c.warnings) {
    if (w.when === undefined) {
      warnings.push(w.always);
      continue;
    }
    if (w.when.check(facts) === false) {
      continue;
    }
    const t = w.when.explain(facts);
    warnings.push({
      code: w.code,
      text: w.text,
      refs: w.refs,
      quote: w.quote,
      applies: t.verdict === true ? true : 'unknown',
    });
    if (t.verdict === 'unknown') {
      const unknown: string[] = [];
      unknownFacts(t, unknown);
      for (const f of unknown) {
        addMissing(missing, f, rule.id);
      }
    }
  }
  const unknown: string[] = [];
  unknownFacts(root, unknown);
  const extrapolation =
    // Stryker disable next-line ConditionalExpression: sharing one empty list; filtering no notes gives none too
    c.extrapolation.length === 0
      ? NONE
      : c.extrapolation.filter((e) => e.when.check(facts) !== false).map((e) => e.note);
  return {
    id: rule.id,
    title: rule.title,
    strength: rule.strength,
    agents: rule.agents,
    trials: rule.trials,
    evidence: c.evidence,
    warnings,
    // Stryker disable next-line ConditionalExpression: an all-of node always has its children
    because: root.kind === 'all' && root.children !== undefined ? root.children : [root],
    verdict: root.verdict,
    rank: rule.rank,
    section: rule.section,
    phase: rule.phase,
    rationale: rule.rationale,
    statements: c.statements,
    keyNumbers: c.keyNumbers,
    derived: c.derived,
    unknownFacts: unknown,
    extrapolation,
    question: rule.question,
  };
}

const NONE: readonly never[] = Object.freeze([]);

/** The profile field a fact belongs to (`mrd.value` → `mrd`). */
const FIELD = new Map<string, string>();
function fieldOf(fact: string): string {
  let f = FIELD.get(fact);
  // Stryker disable next-line ConditionalExpression: a cache; splitting again gives the same field
  if (f === undefined) {
    f = fact.split('.')[0] ?? fact;
    FIELD.set(fact, f);
  }
  return f;
}

function addMissing(missing: Map<string, string[]>, fact: string, by: string): void {
  const field = fieldOf(fact);
  const list = missing.get(field);
  if (list === undefined) {
    missing.set(field, [by]);
  } else if (!list.includes(by)) {
    list.push(by);
  }
}

/** Whether an alert concerns an agent of a shown option. */
function concernsShown(agents: readonly string[], options: readonly Option[]): boolean {
  for (const a of agents) {
    for (const o of options) {
      if (o.agents.includes(a)) {
        return true;
      }
    }
  }
  return false;
}

/** Alerts that hold for the patient; an unknown one names its missing facts when it concerns a shown option. */
function alertWarnings(
  facts: Facts,
  ckb: CompiledKb,
  options: readonly Option[],
  missing: Map<string, string[]>,
  into: PatientWarning[],
): void {
  for (const { alert, when, warning, subject } of ckb.alerts) {
    const v = when.check(facts);
    if (v === true) {
      into.push(warning);
    } else if (v === 'unknown' && concernsShown(alert.agents, options)) {
      const unknown: string[] = [];
      unknownFacts(when.explain(facts), unknown);
      for (const f of unknown) {
        addMissing(missing, f, subject);
      }
    }
  }
}

/** Agents whose options were left out because their target antigen is absent. */
function targetWarnings(facts: Facts, ckb: CompiledKb, into: PatientWarning[]): void {
  for (const t of ckb.targets) {
    const v = facts.key[t.index];
    if (t.absent.has(v) && ckb.candidates(facts).some((c) => c.rule.agents.includes(t.agent.id))) {
      into.push(t.warning);
    }
  }
}

/** Boundaries the patient sits on, and facts given where they mean nothing or that no option reads. */
function inputWarnings(facts: Facts, ckb: CompiledKb, into: PatientWarning[]): void {
  for (const b of ckb.boundaries) {
    if (facts.key[b.index] === b.boundary.value && b.when?.check(facts) !== false) {
      into.push(b.warning);
    }
  }
  for (const c of ckb.inputChecks) {
    if (facts.raw[c.index] === undefined) {
      continue;
    }
    if (c.misplaced !== undefined && c.misplaced.appliesTo.check(facts) === false) {
      into.push(c.misplaced.warning);
    } else if (c.unused !== undefined) {
      into.push(c.unused);
    }
  }
}

/** The patient-level warnings: alerts, absent targets, boundaries, and input problems. */
function patientWarnings(
  facts: Facts,
  ckb: CompiledKb,
  options: readonly Option[],
  missing: Map<string, string[]>,
): PatientWarning[] {
  const warnings: PatientWarning[] = [];
  alertWarnings(facts, ckb, options, missing, warnings);
  targetWarnings(facts, ckb, warnings);
  inputWarnings(facts, ckb, warnings);
  return warnings;
}

/** The labels of the conditions a population trace fails on, e.g. "age 18 to 59". */
function failedLabels(node: TraceNode, into: string[]): void {
  if (node.verdict !== false) {
    return;
  }
  if (node.children === undefined || node.kind === 'not') {
    if (!into.includes(node.label)) {
      into.push(node.label);
    }
    return;
  }
  for (const child of node.children) {
    failedLabels(child, into);
  }
}

/**
 * The questions for which this patient lies outside every population the review studied: the question is asked for
 * the patient, none of its options applies or is pending, and every one of its studies' populations excludes the
 * patient (or the review states that no study exists).
 */
function outsideEvidence(facts: Facts, ckb: CompiledKb, shown: ReadonlySet<string>): OutsideEvidence[] {
  const out: OutsideEvidence[] = [];
  for (const q of ckb.questions) {
    if (shown.has(q.question.id) || q.when.check(facts) !== true) {
      continue;
    }
    const text = outsideText(q, facts);
    if (text !== undefined) {
      out.push({ question: q.question.id, text, refs: q.refs });
    }
  }
  return out;
}

function outsideText(q: CompiledQuestion, facts: Facts): string | undefined {
  const none = q.question.noEvidence;
  if (none !== undefined) {
    return `Outside the review's evidence: ${q.question.title}. The review states: “${none.quote}”`;
  }
  if (q.populations.some((p) => p.when.check(facts) !== false)) {
    return undefined;
  }
  const reasons = q.populations.slice(0, 3).map((p) => {
    const failed: string[] = [];
    failedLabels(p.when.explain(facts), failed);
    return `${p.study.name} required ${failed.join(' and ')}`;
  });
  if (q.populations.length > 3) {
    reasons.push(`and ${q.populations.length - 3} more`);
  }
  if (q.unstated.length > 0) {
    reasons.push(`the review gives no ages for ${q.unstated.join(', ')}`);
  }
  return `Outside the review's evidence: ${q.question.title} was studied only in patients unlike this one (${reasons.join('; ')}).`;
}

/** The unknown facts that would change the options, most consequential first, each with its test. */
function missingEntries(missing: ReadonlyMap<string, string[]>, ckb: CompiledKb): Missing[] {
  const out: Missing[] = [];
  for (const [field, affects] of missing) {
    const { text, test } = ckb.missingText(field);
    out.push({ field, text, test, affects: affects.sort() });
  }
  // Lineage first when it is unknown (every B- or T-specific option waits on it), then by how many options depend on
  // the field, then by name.
  return out.sort(
    (a, b) =>
      Number(b.field === 'lineage') - Number(a.field === 'lineage') ||
      b.affects.length - a.affects.length ||
      // Stryker disable next-line EqualityOperator: fields are unique (one entry per field), so never equal
      (a.field < b.field ? -1 : 1),
  );
}

/**
 * Evaluates one profile.
 * @param profile - a parsed, normalized profile (see `parseProfile`)
 * @param ckb - the compiled knowledge base (see `compileKb`)
 * @example
 *   const decision = evaluate({ lineage: 'B', phase: 'newly-diagnosed', age: 45, ph: 'negative' }, compileKb(kb));
 */
export function evaluate(profile: Profile, ckb: CompiledKb): Decision {
  const facts = readFacts(profile);
  const options: Option[] = [];
  const pending: Option[] = [];
  const missing = new Map<string, string[]>();
  // The rules that can hold for this lineage and phase, strongest first (strength, rank, id): options and pending
  // come out in order.
  for (const c of ckb.candidates(facts)) {
    if (c.when.check(facts) === false) {
      continue;
    }
    const root = c.when.explain(facts);
    const option = toOption(c, root, facts, missing);
    if (root.verdict === true) {
      options.push(option);
    } else {
      pending.push(option);
      for (const f of option.unknownFacts) {
        addMissing(missing, f, option.id);
      }
    }
  }

  const warnings = patientWarnings(facts, ckb, options, missing);
  const missingList = missingEntries(missing, ckb);
  const answered = new Set<string>();
  for (const o of options) {
    answered.add(o.question);
  }
  for (const o of pending) {
    answered.add(o.question);
  }

  return {
    kbVersion: ckb.kb.version,
    profile,
    options,
    pending,
    warnings,
    missing: missingList,
    outsideEvidence: outsideEvidence(facts, ckb, answered),
    notice: NOTICE,
  };
}
