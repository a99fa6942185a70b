// Small hand-made knowledge-base and decision objects for the web's unit tests (not clinical content).
import type { Kb, Option, Outcome, RecommendedDecision, Study } from './contract.js';

const QUOTE = 'A quote of at least twenty characters, for tests only.';

export function outcome(o: Partial<Outcome> & Pick<Outcome, 'id'>): Outcome {
  return {
    category: 'efficacy',
    endpoint: 'OS',
    measure: 'rate',
    value: 50,
    unit: '%',
    refs: [1],
    quote: QUOTE,
    ...o,
  };
}

export function study(s: Partial<Study> & Pick<Study, 'id'>): Study {
  return {
    name: s.id.toUpperCase(),
    aliases: [],
    named: true,
    refs: [1],
    section: 'test',
    phase: '3',
    design: 'randomized',
    settings: ['frontline'],
    status: 'reported',
    lineage: 'B',
    ph: 'negative',
    population: {
      description: 'adults',
      refs: [1],
      quote: QUOTE,
      scope: { criteria: [], alternatives: [], intensity: { value: 'not-stated' }, notStated: ['age'] },
    },
    regimen: 'test regimen',
    agents: [],
    arms: [],
    trials: [],
    summary: { quote: QUOTE, refs: [1] },
    outcomes: [],
    notes: [],
    ...s,
  };
}

export function kb(k: Partial<Kb>): Kb {
  return {
    version: 'kb-test',
    sources: [],
    studies: [],
    agents: [],
    trials: [],
    statements: [],
    factors: [],
    recommendations: [],
    alerts: [],
    questions: [],
    facts: [],
    boundaries: [],
    ageWords: [],
    requiredClassRisks: [],
    terminology: [],
    references: [],
    ...k,
  };
}

export function option(o: Partial<Option> & Pick<Option, 'id' | 'strength'>): Option {
  return {
    title: `Option ${o.id}`,
    agents: ['blinatumomab'],
    trials: [],
    evidence: [],
    warnings: [],
    because: [],
    verdict: true,
    rank: 1,
    section: 'test',
    phase: 'frontline',
    rationale: 'test',
    statements: [],
    keyNumbers: [],
    derived: [],
    unknownFacts: [],
    extrapolation: [],
    question: 'test',
    ...o,
  };
}

export function decision(d: Partial<RecommendedDecision>): RecommendedDecision {
  return {
    kbVersion: 'kb-test',
    profile: { lineage: 'B', phase: 'newly-diagnosed' },
    options: [],
    pending: [],
    warnings: [],
    missing: [],
    outsideEvidence: [],
    notice: 'decision support, not a substitute for clinical judgment',
    ...d,
  };
}
