/**
 * The trace: every condition of a rule, the value seen, the threshold and the verdict. CLI, HTTP, CDS cards and
 * the web app all render this same object.
 * @module
 */
import type { FactName, Operator } from '../kb/core.js';
import type { Verdict } from './logic.js';

export type Scalar = string | number | boolean;

export interface TraceNode {
  readonly kind: 'all' | 'any' | 'not' | 'condition';
  /** The condition in a clinician's words (from the rule, or generated: "age < 55"). */
  readonly label: string;
  readonly verdict: Verdict;
  readonly fact?: FactName | undefined;
  readonly op?: Operator | undefined;
  /** The threshold or expected value. */
  readonly threshold?: Scalar | readonly Scalar[] | undefined;
  /** The threshold as the source writes it, e.g. "0.1%". */
  readonly written?: string | undefined;
  /** The value seen in the profile; `null` when unknown. */
  readonly observed?: Scalar | readonly Scalar[] | null | undefined;
  readonly children?: readonly TraceNode[] | undefined;
}

/** Each operator as a condition reads it ("age < 55"). */
export const OP_TEXT: Readonly<Record<Operator, string>> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  le: '≤',
  gt: '>',
  ge: '≥',
  in: 'is one of',
  includes: 'includes',
  includesAny: 'includes any of',
  known: 'is known',
};

/** "age < 55", "highRiskGenetics includes KMT2A", "ph is known". */
export function describeCondition(fact: FactName, op: Operator, value: unknown): string {
  if (op === 'known') {
    return `${fact} is known`;
  }
  const v = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  return `${fact} ${OP_TEXT[op]} ${v}`;
}
