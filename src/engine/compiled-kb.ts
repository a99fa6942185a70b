/**
 * A knowledge base prepared for evaluation: criteria compiled, look-ups indexed, static parts of every option
 * (evidence, key numbers, derived differences) built once.
 * @module
 */
import {
  type Agent,
  type Alert,
  agesStated,
  alertCriteria,
  type Boundary,
  type FactInfo,
  type Kb,
  normalizeText,
  populationCriteria,
  printedIn,
  type Question,
  type Rule,
  ruleCriteria,
  type Study,
} from '../kb/core.js';
import type { Profile } from '../profile/index.js';
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
import { describeCondition } from './trace.js';

export interface CompiledWarning {
  readonly code: string;
  readonly text: string;
  readonly refs: readonly number[];
  readonly quote: string;
  readonly when?: Compiled;
  /** The warning as shown when it has no condition (built once, shared by every decision). */
  readonly always: OptionWarning;
}

/** An extrapolation of a rule, shown when its region holds (or may hold) for the patient. */
export interface CompiledExtrapolation {
  readonly when: Compiled;
  readonly note: { readonly text: string; readonly quote: string; readonly refs: readonly number[] };
}

export interface CompiledRule {
  readonly rule: Rule;
  readonly extrapolation: readonly CompiledExtrapolation[];
  readonly when: Compiled;
  readonly evidence: readonly EvidenceItem[];
  readonly statements: readonly StatementRef[];
  readonly keyNumbers: readonly KeyNumber[];
  readonly derived: readonly DerivedComparison[];
  readonly warnings: readonly CompiledWarning[];
}

/** A study population, compiled, to tell whether a patient lies inside it. */
export interface CompiledPopulation {
  readonly study: Study;
  readonly when: Compiled;
}

/** A question the options answer, with the populations of its studies. */
export interface CompiledQuestion {
  readonly question: Question;
  readonly when: Compiled;
  /** The populations of its studies whose ages the review states. */
  readonly populations: readonly CompiledPopulation[];
  /** Names of its studies whose ages the review does not state (they place no patient inside). */
  readonly unstated: readonly string[];
  readonly refs: readonly number[];
}

/** A fact that means something only for some patients, or that no rule reads. */
export interface CompiledInputCheck {
  readonly index: number;
  /** The patients the fact means something for, and the warning shown when it is given for another patient. */
  readonly misplaced?: { readonly appliesTo: Compiled; readonly warning: PatientWarning };
  /** Shown when the fact is given and no rule reads it. */
  readonly unused?: PatientWarning;
}

/** An agent whose options need its target antigen: the patient warning shown when the target is absent. */
export interface CompiledTarget {
  readonly agent: Agent;
  readonly index: number;
  readonly absent: ReadonlySet<unknown>;
  readonly warning: PatientWarning;
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
  readonly when?: Compiled;
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
  readonly questions: readonly CompiledQuestion[];
  /** Facts given for a patient they do not apply to, or read by no rule: input warnings. */
  readonly inputChecks: readonly CompiledInputCheck[];
  readonly targets: readonly CompiledTarget[];
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
    // Stryker disable next-line EqualityOperator: rule ids are unique (the knowledge base refuses a repeated one)
    (a.rule.id < b.rule.id ? -1 : 1)
  );
}

/** Lineage (known or not) and phase (it defaults): rules are pre-sorted by them. */
// Stryker disable next-line UnaryOperator: lineage is a fact, so the fallback is never read
const LINEAGE = FACT_INDEX.get('lineage') ?? -1;
// Stryker disable next-line UnaryOperator: phase is a fact, so the fallback is never read
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
  const conditions = ordered.map((r) => ({ r, cs: staticConditions(r.rule) }));
  // Lineage may be unknown (`undefined`): then only the rules that do not need it, and those pending on it, remain.
  for (const lineage of [...LINEAGES, undefined]) {
    const byPhase = new Map<unknown, readonly CompiledRule[]>();
    for (const phase of PHASES) {
      // An undefined lineage reads as unknown, as an absent one does.
      const probe = readFacts({ lineage, phase } as Profile);
      byPhase.set(
        phase,
        conditions.filter(({ cs }) => !cs.some((c) => c.check(probe) === false)).map(({ r }) => r),
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
    // Stryker disable next-line ConditionalExpression: without the study there are no outcomes, so `exp` is undefined too
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

/** A criterion in words: its label, or its conditions' labels. */
function describeCriterion(c: import('../kb/core.js').Criterion): string {
  if (c.label !== undefined) {
    return c.label;
  }
  if ('all' in c) {
    return c.all.map(describeCriterion).join(' and ');
  }
  if ('any' in c) {
    return c.any.map(describeCriterion).join(' or ');
  }
  if ('not' in c) {
    return `not ${describeCriterion(c.not)}`;
  }
  return describeCondition(c.fact, c.op, c.value);
}

/** Two quotes state the same finding when one contains the other. */
function sameFinding(a: string, b: string): boolean {
  const x = a.replace(/\.$/, '');
  return x.includes(b) || b.includes(x);
}

/** A warning as shown when it has no condition (built once, shared by every decision). */
function always(w: { code: string; text: string; refs: readonly number[]; quote: string }): CompiledWarning {
  return {
    code: w.code,
    text: w.text,
    refs: w.refs,
    quote: w.quote,
    always: Object.freeze({
      code: w.code,
      text: w.text,
      refs: w.refs,
      quote: w.quote,
      applies: true as const,
    }),
  };
}

/**
 * The warnings of an option: the rule's own, then the class risks of its agents (PRODUCT.md: an option inherits the
 * class risks of its agents), each once — a class risk the rule already states (same code or same quote) is not
 * repeated.
 */
function optionWarnings(rule: Rule, agents: ReadonlyMap<string, Agent>): CompiledWarning[] {
  const out: CompiledWarning[] = rule.warnings.map((w) =>
    w.when === undefined ? always(w) : { ...always(w), when: compileCriterion(w.when) },
  );
  for (const id of rule.agents) {
    for (const risk of agents.get(id)?.classRisks ?? []) {
      const q = normalizeText(risk.quote).replace(/\.$/, '');
      if (!out.some((w) => w.code === risk.code || sameFinding(normalizeText(w.quote), q))) {
        out.push(always(risk));
      }
    }
  }
  return out;
}

/** Prepares a knowledge base for `evaluate`. Do this once; evaluation is then allocation-light. */
export function compileKb(kb: Kb): CompiledKb {
  const studies = new Map(kb.studies.map((s) => [s.id, s]));
  const statements = new Map(kb.statements.map((s) => [s.id, s]));
  const primary = kb.sources.find((s) => s.primary === true) ?? kb.sources[0];
  const agents = new Map(kb.agents.map((a) => [a.id, a]));
  const rules: CompiledRule[] = kb.recommendations.map((rule) => ({
    rule,
    when: compileCriterion(ruleCriteria(rule, kb.agents)),
    extrapolation: rule.extrapolation.map((e) => ({
      when: compileCriterion(e.scope),
      note: Object.freeze({ text: e.text, quote: e.quote, refs: e.refs }),
    })),
    evidence: rule.evidence.map((e) => {
      // Stryker disable next-line ConditionalExpression: no study has an undefined id, so the lookup gives undefined too
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
    warnings: optionWarnings(rule, agents),
  }));
  const facts = new Map(kb.facts.map((f) => [f.fact, f]));
  const ordered = [...rules].sort(byStrength);
  const studyById = new Map(kb.studies.map((st) => [st.id, st]));
  return {
    kb,
    rules,
    ordered,
    candidates: candidatesBy(ordered),
    alerts: kb.alerts.map((alert) => ({
      alert,
      when: compileCriterion(alertCriteria(alert, kb.studies)),
      warning: Object.freeze({
        code: alert.code,
        text: alert.text,
        refs: alert.refs,
        quote: alert.quote,
        kind: 'alert' as const,
      }),
      subject: `alert:${alert.code}`,
    })),
    questions: kb.questions.map((question) => {
      // A study of unstated ages licenses no age (as in the scope proof), so it never places a patient inside.
      const populations = question.studies.flatMap((id) => {
        const study = studyById.get(id);
        return study === undefined || !agesStated(study)
          ? []
          : [{ study, when: compileCriterion({ all: populationCriteria(study) }) }];
      });
      return {
        question,
        when: compileCriterion(question.when),
        populations,
        unstated: question.studies.flatMap((id) => {
          const study = studyById.get(id);
          return study !== undefined && !agesStated(study) ? [study.name] : [];
        }),
        refs: [...new Set(question.noEvidence?.refs ?? populations.flatMap((p) => p.study.refs))].sort(
          (a, b) => a - b,
        ),
      };
    }),
    inputChecks: kb.facts.flatMap((f) => {
      if (f.appliesTo === undefined && f.notUsed === undefined) {
        return [];
      }
      const field = f.fact.split('.')[0] ?? f.fact;
      return [
        {
          // Stryker disable next-line UnaryOperator: the schema allows only facts, so the fallback is never read
          index: FACT_INDEX.get(f.fact) ?? -1,
          ...(f.appliesTo === undefined
            ? {}
            : {
                misplaced: {
                  appliesTo: compileCriterion(f.appliesTo),
                  warning: Object.freeze({
                    code: `input.${field}.not-applicable`,
                    text: `${f.label} was given, but it applies only to ${describeCriterion(f.appliesTo)}; no option uses it for this patient.`,
                    refs: [],
                    kind: 'input' as const,
                  }),
                },
              }),
          ...(f.notUsed === undefined
            ? {}
            : {
                unused: Object.freeze({
                  code: `input.${field}.not-used`,
                  text: `${f.label} was given; ${f.notUsed}`,
                  refs: f.refs,
                  kind: 'input' as const,
                }),
              }),
        },
      ];
    }),
    targets: kb.agents.flatMap((agent) => {
      const t = agent.target;
      if (t === undefined) {
        return [];
      }
      return [
        {
          agent,
          // Stryker disable next-line UnaryOperator: the schema allows only facts, so the fallback is never read
          index: FACT_INDEX.get(t.fact) ?? -1,
          absent: new Set(t.absent.map((v) => (typeof v === 'string' ? v.toLowerCase() : v))),
          warning: Object.freeze({
            code: `target.${agent.id}`,
            text: `Options with ${agent.name} are not shown: it is directed at ${t.antigen}, and this patient's blasts are ${t.antigen}-negative.`,
            refs: t.refs,
            quote: t.quote,
            kind: 'target' as const,
          }),
        },
      ];
    }),
    facts,
    boundaries: kb.boundaries.map((b) => ({
      boundary: b,
      // Stryker disable next-line UnaryOperator: the schema allows only facts, so the fallback is never read
      index: FACT_INDEX.get(b.fact) ?? -1,
      ...(b.when === undefined ? {} : { when: compileCriterion(b.when) }),
      warning: Object.freeze({ code: `boundary.${b.id}`, text: b.text, refs: [], kind: 'boundary' as const }),
    })),
    missingText: missingTexts(facts),
  };
}
