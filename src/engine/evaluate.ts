/**
 * The engine: a profile and a compiled knowledge base in, a decision with its trace out. Pure: no clock, no I/O,
 * no randomness; the same input always gives the same output.
 * @module
 */
import type { Profile } from '../profile/index.js';
import { factOf } from './compile.js';
import type { CompiledKb, CompiledRule } from './compiled-kb.js';
import {
  type Decision,
  type Missing,
  NOTICE,
  type Option,
  type OptionWarning,
  type PatientWarning,
  STRENGTH_ORDER,
} from './decision.js';
import { leaves, type TraceNode } from './trace.js';

const STRENGTH_RANK = new Map(STRENGTH_ORDER.map((s, i) => [s, i]));

function unknownFacts(node: TraceNode, into: Set<string>): void {
  if (node.children === undefined) {
    if (node.verdict === 'unknown' && node.fact !== undefined) {
      into.add(node.fact);
    }
    return;
  }
  for (const child of node.children) {
    unknownFacts(child, into);
  }
}

function toOption(
  c: CompiledRule,
  root: TraceNode,
  profile: Profile,
  missing: Map<string, Set<string>>,
): Option {
  const rule = c.rule;
  const warnings: OptionWarning[] = [];
  for (const w of c.warnings) {
    if (w.when === undefined) {
      warnings.push(w.always);
      continue;
    }
    if (w.when.verdict(profile) === false) {
      continue;
    }
    const t = w.when.trace(profile);
    warnings.push({
      code: w.code,
      text: w.text,
      refs: w.refs,
      quote: w.quote,
      applies: t.verdict === true ? true : 'unknown',
    });
    if (t.verdict === 'unknown') {
      const facts = new Set<string>();
      unknownFacts(t, facts);
      for (const f of facts) {
        addMissing(missing, f, rule.id);
      }
    }
  }
  const facts = new Set<string>();
  unknownFacts(root, facts);
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
    unknownFacts: [...facts],
  };
}

function byStrength(a: Option, b: Option): number {
  return (
    (STRENGTH_RANK.get(a.strength) ?? 99) - (STRENGTH_RANK.get(b.strength) ?? 99) ||
    a.rank - b.rank ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
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

function addMissing(missing: Map<string, Set<string>>, fact: string, by: string): void {
  const field = fieldOf(fact);
  const set = missing.get(field);
  if (set === undefined) {
    missing.set(field, new Set([by]));
  } else {
    set.add(by);
  }
}

/** Alerts that hold for the patient, and boundaries the patient sits on. */
function patientWarnings(
  profile: Profile,
  ckb: CompiledKb,
  options: readonly Option[],
  missing: Map<string, Set<string>>,
): PatientWarning[] {
  const warnings: PatientWarning[] = [];
  let shownAgents: Set<string> | undefined;
  for (const { alert, when } of ckb.alerts) {
    const v = when.verdict(profile);
    if (v === false) {
      continue;
    }
    const t = when.trace(profile);
    if (t.verdict === true) {
      warnings.push({
        code: alert.code,
        text: alert.text,
        refs: alert.refs,
        quote: alert.quote,
        kind: 'alert',
      });
      continue;
    }
    shownAgents ??= new Set(options.flatMap((o) => o.agents));
    const shown = shownAgents;
    if (t.verdict === 'unknown' && alert.agents.some((a) => shown.has(a))) {
      for (const leaf of leaves(t)) {
        if (leaf.verdict === 'unknown' && leaf.fact !== undefined) {
          addMissing(missing, leaf.fact, `alert:${alert.code}`);
        }
      }
    }
  }
  for (const b of ckb.boundaries) {
    if (factOf(profile, b.fact) === b.value) {
      warnings.push({ code: `boundary.${b.id}`, text: b.text, refs: [], kind: 'boundary' });
    }
  }
  return warnings;
}

/** The unknown facts that would change the options, most consequential first, each with its test. */
function missingEntries(missing: ReadonlyMap<string, ReadonlySet<string>>, ckb: CompiledKb): Missing[] {
  return [...missing.entries()]
    .map(([field, affects]) => {
      const info = ckb.facts.get(field) ?? ckb.facts.get(`${field}.value`);
      const test = info?.test ?? 'not stated in the knowledge base';
      return {
        field,
        text: info === undefined ? `${field} is unknown.` : `${info.why} Settled by: ${info.test}.`,
        test,
        affects: [...affects].sort(),
      };
    })
    .sort((a, b) => b.affects.length - a.affects.length || (a.field < b.field ? -1 : 1));
}

/**
 * Evaluates one profile.
 * @param profile - a parsed, normalized profile (see `parseProfile`)
 * @param ckb - the compiled knowledge base (see `compileKb`)
 * @example
 *   const decision = evaluate({ lineage: 'B', phase: 'newly-diagnosed', age: 45, ph: 'negative' }, compileKb(kb));
 */
export function evaluate(profile: Profile, ckb: CompiledKb): Decision {
  const options: Option[] = [];
  const pending: Option[] = [];
  const missing = new Map<string, Set<string>>();
  for (const c of ckb.rules) {
    if (c.when.verdict(profile) === false) {
      continue;
    }
    const root = c.when.trace(profile);
    const option = toOption(c, root, profile, missing);
    if (root.verdict === true) {
      options.push(option);
    } else {
      pending.push(option);
      for (const f of option.unknownFacts) {
        addMissing(missing, f, option.id);
      }
    }
  }
  options.sort(byStrength);
  pending.sort(byStrength);

  const warnings = patientWarnings(profile, ckb, options, missing);
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
