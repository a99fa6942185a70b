/**
 * The engine: a profile and a compiled knowledge base in, a decision with its trace out. Pure: no clock, no I/O,
 * no randomness; the same input always gives the same output.
 * @module
 */
import type { Profile } from '../profile/index.js';
import { type Facts, readFacts } from './compile.js';
import type { CompiledKb, CompiledRule } from './compiled-kb.js';
import {
  type Decision,
  type Missing,
  NOTICE,
  type Option,
  type OptionWarning,
  type PatientWarning,
} from './decision.js';
import type { TraceNode } from './trace.js';

/** The facts of the unknown leaves of a trace, depth-first, each once. */
function unknownFacts(node: TraceNode, into: string[]): void {
  if (node.children === undefined) {
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
  return {
    id: rule.id,
    title: rule.title,
    strength: rule.strength,
    agents: rule.agents,
    trials: rule.trials,
    evidence: c.evidence,
    warnings,
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
  };
}

/** The profile field a fact belongs to (`mrd.value` → `mrd`). */
const FIELD = new Map<string, string>();
function fieldOf(fact: string): string {
  let f = FIELD.get(fact);
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

/** Alerts that hold for the patient, and boundaries the patient sits on. */
function patientWarnings(
  facts: Facts,
  ckb: CompiledKb,
  options: readonly Option[],
  missing: Map<string, string[]>,
): PatientWarning[] {
  const warnings: PatientWarning[] = [];
  for (const { alert, when, warning, subject } of ckb.alerts) {
    const v = when.check(facts);
    if (v === false) {
      continue;
    }
    if (v === true) {
      warnings.push(warning);
      continue;
    }
    const t = when.explain(facts);
    if (t.verdict === 'unknown' && concernsShown(alert.agents, options)) {
      const unknown: string[] = [];
      unknownFacts(t, unknown);
      for (const f of unknown) {
        addMissing(missing, f, subject);
      }
    }
  }
  for (const b of ckb.boundaries) {
    if (facts.key[b.index] === b.boundary.value) {
      warnings.push(b.warning);
    }
  }
  return warnings;
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

  return {
    kbVersion: ckb.kb.version,
    profile,
    options,
    pending,
    warnings,
    missing: missingList,
    notice: NOTICE,
  };
}
