/**
 * Choosing one value from several results of the same fact, without ever picking silently between results
 * that disagree.
 * @module
 */

/** One result of a fact: its value, the resource it came from and when (a `sortKey`, if dated). */
export interface Candidate<T> {
  readonly value: T;
  readonly ref: string;
  readonly when?: number;
}

/**
 * Which result counts: `agree` = all must agree (lineage, phase); `earliest` = the first dated result (values
 * at diagnosis: WBC, CD20 %, CD22); `latest` = the most recent (current state: MRD, risk group).
 */
export type PickPolicy = 'agree' | 'earliest' | 'latest';

/** The chosen value with its sources, a disagreement, or nothing. */
export type Picked<T> =
  | { readonly kind: 'value'; readonly value: T; readonly refs: readonly string[] }
  | { readonly kind: 'conflict'; readonly candidates: readonly Candidate<T>[] }
  | { readonly kind: 'none' };

/** The results that decide under a policy: all of them, or those at the earliest / latest date. */
function deciding<T>(candidates: readonly Candidate<T>[], policy: PickPolicy): readonly Candidate<T>[] {
  if (policy === 'agree') {
    return candidates;
  }
  const dated = candidates.filter((c) => c.when !== undefined);
  if (dated.length === 0) {
    return candidates;
  }
  const times = dated.map((c) => c.when ?? 0);
  const target = policy === 'earliest' ? Math.min(...times) : Math.max(...times);
  return dated.filter((c) => c.when === target);
}

/**
 * Picks one value. Results that decide but disagree (by `same`) give a conflict, never a choice.
 *
 * @param candidates - the results, in input order
 * @param policy - which results decide
 * @param same - value equality (default `===`)
 */
export function pick<T>(
  candidates: readonly Candidate<T>[],
  policy: PickPolicy,
  same: (a: T, b: T) => boolean = (a, b) => a === b,
): Picked<T> {
  const first = candidates[0];
  if (first === undefined) {
    return { kind: 'none' };
  }
  const decide = deciding(candidates, policy);
  const chosen = decide[0] ?? first;
  if (decide.some((c) => !same(c.value, chosen.value))) {
    return { kind: 'conflict', candidates: decide };
  }
  return { kind: 'value', value: chosen.value, refs: decide.map((c) => c.ref) };
}

/** A readable list of the disagreeing results: `Observation/a (35), Observation/b (30)`. */
export function describeCandidates<T>(candidates: readonly Candidate<T>[], show: (v: T) => string): string {
  return candidates.map((c) => `${c.ref} (${show(c.value)})`).join(', ');
}
