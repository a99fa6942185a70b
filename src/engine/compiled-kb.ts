/**
 * A knowledge base prepared for evaluation: criteria compiled, look-ups indexed, static parts of every option
 * (evidence, key numbers, derived differences) built once.
 * @module
 */
import {
  type Alert,
  type Boundary,
  type FactInfo,
  type Kb,
  printedIn,
  type Rule,
  type Study,
} from '../kb/core.js';
import { LINEAGES, PHASES } from '../profile/values.js';
import { type Compiled, compileCriterion, FACT_INDEX, type Facts, readFacts } from './compile.js';
import {
  type DerivedComparison,
  type EvidenceItem,
  type KeyNumber,
  type OptionWarning,
  type PatientWarning,
  STRENGTH_ORDER,
  type StatementRef,
} from './decision.js';
import { fmt, summarizeOutcomes } from './format.js';

export interface CompiledWarning {
  readonly code: string;
  readonly text: string;
  readonly refs: readonly number[];
  readonly quote: string;
  readonly when?: Compiled;
  /** The warning as shown when it has no condition (built once, shared by every decision). */
  readonly always: OptionWarning;
}

export interface CompiledRule {
  readonly rule: Rule;
  readonly when: Compiled;
  readonly evidence: readonly EvidenceItem[];
  readonly statements: readonly StatementRef[];
  readonly keyNumbers: readonly KeyNumber[];
  readonly derived: readonly DerivedComparison[];
  readonly warnings: readonly CompiledWarning[];
}

export interface CompiledAlert {
  readonly alert: Alert;
  readonly when: Compiled;
  /** The patient warning shown when the alert holds (built once, shared by every decision). */
  readonly warning: PatientWarning;
  /** `alert:<code>`, as `missing[].affects` names it. */
  readonly subject: string;
}

/** A boundary with its fact's slot in the fact vector and the warning it shows (built once). */
export interface CompiledBoundary {
  readonly boundary: Boundary;
  readonly index: number;
  readonly warning: PatientWarning;
}

/** What a `missing` entry says of a field: why it matters and the test that settles it. */
export interface MissingText {
  readonly text: string;
  readonly test: string;
}

export interface CompiledKb {
  readonly kb: Kb;
  /** The rules in knowledge-base order. */
  readonly rules: readonly CompiledRule[];
  /** The same rules strongest first: strength, then rank, then id (the order options are shown in). */
  readonly ordered: readonly CompiledRule[];
  /**
   * The rules (in `ordered` order) that can hold for a patient's lineage and phase, the two facts every profile has:
   * a rule whose top-level conditions already fail on them is left out before any evaluation. Exact: such a rule's
   * verdict is false whatever else is known.
   */
  readonly candidates: (facts: Facts) => readonly CompiledRule[];
  readonly alerts: readonly CompiledAlert[];
  readonly facts: ReadonlyMap<string, FactInfo>;
  readonly boundaries: readonly CompiledBoundary[];
  /** The `missing` text of a profile field (`mrd`, `ph`, ...). */
  readonly missingText: (field: string) => MissingText;
}

const STRENGTH_RANK = new Map(STRENGTH_ORDER.map((s, i) => [s, i]));

function byStrength(a: CompiledRule, b: CompiledRule): number {
  return (
    (STRENGTH_RANK.get(a.rule.strength) ?? 99) - (STRENGTH_RANK.get(b.rule.strength) ?? 99) ||
    a.rule.rank - b.rule.rank ||
    (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0)
  );
}

/** Lineage (known or not) and phase (it defaults): rules are pre-sorted by them. */
const LINEAGE = FACT_INDEX.get('lineage') ?? -1;
const PHASE = FACT_INDEX.get('phase') ?? -1;

/** The top-level conditions of a rule on lineage or phase (an `all` of them, or the rule itself). */
function staticConditions(rule: Rule): Compiled[] {
  const top = 'all' in rule.when ? rule.when.all : [rule.when];
  return top
    .filter((c) => 'fact' in c && (c.fact === 'lineage' || c.fact === 'phase'))
    .map((c) => compileCriterion(c));
}

function candidatesBy(ordered: readonly CompiledRule[]): (facts: Facts) => readonly CompiledRule[] {
  const table = new Map<unknown, Map<unknown, readonly CompiledRule[]>>();
  const conditions = new Map(ordered.map((r) => [r, staticConditions(r.rule)]));
  // Lineage may be unknown (`undefined`): then only the rules that do not need it, and those pending on it, remain.
  for (const lineage of [...LINEAGES, undefined]) {
    const byPhase = new Map<unknown, readonly CompiledRule[]>();
    for (const phase of PHASES) {
      const probe = readFacts(lineage === undefined ? { phase } : { lineage, phase });
      byPhase.set(
        phase,
        ordered.filter((r) => !(conditions.get(r) ?? []).some((c) => c.check(probe) === false)),
      );
    }
    table.set(lineage, byPhase);
  }
  // A profile built by hand with another value gets every rule (still exact, only slower).
  return (facts) => table.get(facts.raw[LINEAGE])?.get(facts.raw[PHASE]) ?? ordered;
}

function missingTexts(facts: ReadonlyMap<string, FactInfo>): (field: string) => MissingText {
  const cache = new Map<string, MissingText>();
  return (field) => {
    let m = cache.get(field);
    if (m === undefined) {
      const info = facts.get(field) ?? facts.get(`${field}.value`);
      m = {
        text: info === undefined ? `${field} is unknown.` : `${info.why} Settled by: ${info.test}.`,
        test: info?.test ?? 'not stated in the knowledge base',
      };
      cache.set(field, m);
    }
    return m;
  };
}

function derive(kb: Kb, rule: Rule, studies: ReadonlyMap<string, Study>): DerivedComparison[] {
  const out: DerivedComparison[] = [];
  for (const c of rule.comparisons) {
    const study = studies.get(c.study);
    const exp = study?.outcomes.find((o) => o.id === c.experimental);
    const ctl = study?.outcomes.find((o) => o.id === c.control);
    if (study === undefined || exp === undefined || ctl === undefined || study.design !== 'randomized') {
      continue; // kb check reports these; the engine never derives from a non-randomized pair
    }
    const diff = Number((exp.value - ctl.value).toFixed(4));
    const benefit = c.higherIsBetter ? diff : -diff;
    const nnt = benefit > 0 ? Math.ceil(100 / benefit) : null;
    const endpoint = `${exp.timepoint === undefined ? '' : `${exp.timepoint} `}${exp.label ?? exp.endpoint}${exp.subgroup === undefined ? '' : ` (${exp.subgroup})`}`;
    const sign = diff > 0 ? '+' : '';
    out.push({
      derived: true,
      study: study.id,
      studyName: study.name,
      endpoint,
      experimental: { outcome: exp.id, value: exp.value },
      control: { outcome: ctl.id, value: ctl.value },
      absoluteDifference: diff,
      numberNeededToTreat: nnt,
      text: `Derived by Frontline (not reported in the review): ${study.name} ${endpoint} ${printedIn(exp.quote, exp.value)}% vs ${printedIn(ctl.quote, ctl.value)}%, absolute difference ${sign}${fmt(diff)} percentage points${nnt === null ? '; no benefit, so no number needed to treat' : `; number needed to treat ≈ ${nnt}`}.`,
    });
  }
  void kb;
  return out;
}

/** Prepares a knowledge base for `evaluate`. Do this once; evaluation is then allocation-light. */
export function compileKb(kb: Kb): CompiledKb {
  const studies = new Map(kb.studies.map((s) => [s.id, s]));
  const statements = new Map(kb.statements.map((s) => [s.id, s]));
  const primary = kb.sources.find((s) => s.primary === true) ?? kb.sources[0];
  const rules: CompiledRule[] = kb.recommendations.map((rule) => ({
    rule,
    when: compileCriterion(rule.when),
    evidence: rule.evidence.map((e) => {
      const study = e.study === undefined ? undefined : studies.get(e.study);
      return {
        study: study?.id ?? primary?.id ?? 'review',
        studyName: study?.name ?? `${primary?.authors.join(' & ') ?? 'the review'} (authors)`,
        refs: e.refs,
        quote: e.quote,
      };
    }),
    statements: rule.statements.flatMap((id) => {
      const s = statements.get(id);
      return s === undefined ? [] : [{ id: s.id, kind: s.kind, quote: s.quote, refs: s.refs }];
    }),
    keyNumbers: rule.keyNumbers.flatMap((k) => {
      const study = studies.get(k.study);
      if (study === undefined) {
        return [];
      }
      const outcomes = k.outcomes.flatMap((id) => study.outcomes.filter((o) => o.id === id));
      return [
        {
          study: study.id,
          studyName: study.name,
          text: `${k.label ?? study.name}: ${summarizeOutcomes(outcomes, study)}`,
          outcomes,
        },
      ];
    }),
    derived: derive(kb, rule, studies),
    warnings: rule.warnings.map((w) => ({
      code: w.code,
      text: w.text,
      refs: w.refs,
      quote: w.quote,
      ...(w.when === undefined ? {} : { when: compileCriterion(w.when) }),
      always: Object.freeze({
        code: w.code,
        text: w.text,
        refs: w.refs,
        quote: w.quote,
        applies: true as const,
      }),
    })),
  }));
  const facts = new Map(kb.facts.map((f) => [f.fact, f]));
  const ordered = [...rules].sort(byStrength);
  return {
    kb,
    rules,
    ordered,
    candidates: candidatesBy(ordered),
    alerts: kb.alerts.map((alert) => ({
      alert,
      when: compileCriterion(alert.when),
      warning: Object.freeze({
        code: alert.code,
        text: alert.text,
        refs: alert.refs,
        quote: alert.quote,
        kind: 'alert' as const,
      }),
      subject: `alert:${alert.code}`,
    })),
    facts,
    boundaries: kb.boundaries.map((b) => ({
      boundary: b,
      index: FACT_INDEX.get(b.fact) ?? -1,
      warning: Object.freeze({ code: `boundary.${b.id}`, text: b.text, refs: [], kind: 'boundary' as const }),
    })),
    missingText: missingTexts(facts),
  };
}
