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
import { type Compiled, compileCriterion } from './compile.js';
import type { DerivedComparison, EvidenceItem, KeyNumber, OptionWarning, StatementRef } from './decision.js';
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
}

export interface CompiledKb {
  readonly kb: Kb;
  readonly rules: readonly CompiledRule[];
  readonly alerts: readonly CompiledAlert[];
  readonly facts: ReadonlyMap<string, FactInfo>;
  readonly boundaries: readonly Boundary[];
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
  return {
    kb,
    rules,
    alerts: kb.alerts.map((alert) => ({ alert, when: compileCriterion(alert.when) })),
    facts: new Map(kb.facts.map((f) => [f.fact, f])),
    boundaries: kb.boundaries,
  };
}
