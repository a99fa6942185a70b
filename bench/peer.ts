/**
 * The peer: json-rules-engine 7 running the SAME rules, translated automatically from the knowledge base's criteria
 * trees (`kb.recommendations[].when`), never rewritten by hand.
 *
 * Translation:
 * - `all` / `any` / `not` → json-rules-engine's `all` / `any` / `not` (same nesting).
 * - a fact `x` → fact `x`; a nested fact `mrd.value` → fact `mrd` with `path: "$.value"` (JSONPath, resolved by the
 *   engine's default jsonpath-plus resolver, as a user of the library would write it).
 * - operators: `eq` → `equal`, `ne` → `notEqual`, `lt` → `lessThan`, `le` → `lessThanInclusive`, `gt` →
 *   `greaterThan`, `ge` → `greaterThanInclusive`, `in` → `in`, `includes` → `contains`, `includesAny [a, b]` →
 *   `any: [contains a, contains b]`, `known` → a custom operator `known` (fact value is not undefined).
 *
 * Semantic differences (documented in docs/performance.md):
 * - Unknown facts. Frontline's logic is three-valued: a condition on an absent fact is `unknown`, `not unknown` is
 *   `unknown`, and an option whose criteria are unknown is "pending" with the test that would settle it. The peer
 *   (run with `allowUndefinedFacts: true`, else it throws on the first absent fact) hands `undefined` to the
 *   operator: numeric and `contains` operators reject it (false), `equal`/`in` are false, but `notEqual` is TRUE and
 *   `not` of a false is TRUE. So the peer can only say applies / does not apply; where Frontline says `true` or
 *   `false` the peer must agree (Kleene logic is monotone), where Frontline says `unknown` the peer may say either.
 *   The benchmark checks exactly that on every profile it runs through both.
 * - Case. Frontline compares strings case-insensitively (a mutation written `t315i` matches `T315I`); the peer's
 *   operators are `===` / `indexOf`. The corpus uses the canonical spelling, so this does not change a verdict here.
 * - Work done. The peer decides which rules' conditions pass (its `results`). Frontline also builds the trace of
 *   every shown or pending option, its warnings, the patient alerts, boundaries and the `missing` list: it does more
 *   per profile.
 * @module
 */
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { type Comparison, type Criterion, type Kb, ruleCriteria } from '../src/kb/index.js';

type PeerCondition = TopLevelCondition | Record<string, unknown>;

const OPERATOR: Record<Exclude<Comparison['op'], 'includesAny'>, string> = {
  eq: 'equal',
  ne: 'notEqual',
  lt: 'lessThan',
  le: 'lessThanInclusive',
  gt: 'greaterThan',
  ge: 'greaterThanInclusive',
  in: 'in',
  includes: 'contains',
  known: 'known',
};

function factAndPath(fact: string): { fact: string; path?: string } {
  const dot = fact.indexOf('.');
  return dot === -1 ? { fact } : { fact: fact.slice(0, dot), path: `$.${fact.slice(dot + 1)}` };
}

function comparison(c: Comparison): PeerCondition {
  const where = factAndPath(c.fact);
  if (c.op === 'includesAny') {
    const values = Array.isArray(c.value) ? c.value : [c.value];
    return { any: values.map((value) => ({ ...where, operator: 'contains', value })) };
  }
  return { ...where, operator: OPERATOR[c.op], value: c.value ?? null };
}

/** One criteria tree → a json-rules-engine condition (a top-level condition is always all/any/not). */
export function translateCriterion(c: Criterion): PeerCondition {
  if ('all' in c) {
    return { all: c.all.map(translateCriterion) };
  }
  if ('any' in c) {
    return { any: c.any.map(translateCriterion) };
  }
  if ('not' in c) {
    return { not: translateCriterion(c.not) };
  }
  return comparison(c);
}

/** The recommendations of a knowledge base as json-rules-engine rules (the rule id is the event type). */
export function translateRules(kb: Kb): RuleProperties[] {
  return kb.recommendations.map((rule) => {
    // The same criteria the engine evaluates: the rule's own and its agents' target conditions.
    const condition = translateCriterion(ruleCriteria(rule, kb.agents));
    const top =
      'all' in condition || 'any' in condition || 'not' in condition ? condition : { all: [condition] };
    return { name: rule.id, conditions: top as TopLevelCondition, event: { type: rule.id } };
  });
}

/** A json-rules-engine with the translated rules and the one custom operator they need. */
export function peerEngine(kb: Kb): Engine {
  const engine = new Engine(translateRules(kb), { allowUndefinedFacts: true });
  engine.addOperator('known', (factValue: unknown) => factValue !== undefined);
  return engine;
}

/** The rule ids whose conditions the peer finds true for one profile. */
export async function peerApplies(engine: Engine, facts: Record<string, unknown>): Promise<Set<string>> {
  // Ages are compared in completed years, as the engine compares them.
  const age = facts.age;
  const { results } = await engine.run(typeof age === 'number' ? { ...facts, age: Math.floor(age) } : facts);
  return new Set(results.map((r) => String(r.name)));
}
