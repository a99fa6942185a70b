/**
 * Fields the decision contract is gaining (`outsideEvidence` on the decision, `extrapolation` on each option), read
 * as optional so the app works with a server that sends them and with one that does not yet.
 * @module
 */
import type { Decision, Option } from '../contract.js';

/** "This patient lies outside every studied population for X", with the review's reference numbers. */
export interface OutsideEvidence {
  readonly text: string;
  readonly refs: readonly number[];
}

/** Where an option reaches past its studied population, with the review's words that license it. */
export interface Extrapolation {
  readonly text: string;
  readonly quote: string;
  readonly refs: readonly number[];
}

function listOf<T>(value: unknown, isItem: (x: Record<string, unknown>) => boolean): readonly T[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter(
    (x): x is T => typeof x === 'object' && x !== null && isItem(x as Record<string, unknown>),
  );
}

const refsOk = (x: Record<string, unknown>): boolean =>
  Array.isArray(x.refs) && x.refs.every((r) => typeof r === 'number');

/** The decision's outside-evidence sentences, or none. */
export function outsideEvidenceOf(d: Decision): readonly OutsideEvidence[] {
  return listOf<OutsideEvidence>(
    (d as { readonly outsideEvidence?: unknown }).outsideEvidence,
    (x) => typeof x.text === 'string' && refsOk(x),
  );
}

/** The option's extrapolation notes, or none. */
export function extrapolationOf(o: Option): readonly Extrapolation[] {
  return listOf<Extrapolation>(
    (o as { readonly extrapolation?: unknown }).extrapolation,
    (x) => typeof x.text === 'string' && typeof x.quote === 'string' && refsOk(x),
  );
}
