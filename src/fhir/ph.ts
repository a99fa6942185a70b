/**
 * Ph status (Philadelphia chromosome / BCR::ABL1) from Condition codes and BCR::ABL1 tests. Unknown is never
 * negative (PRODUCT.md safety rule 3); results that genuinely disagree give a `fhir.conflict` warning and leave
 * ph unknown, never a silent pick.
 * @module
 */
import type { CodeMapping } from '../kb/index.js';
import type { Located } from './bundle.js';
import type { Terminology } from './coding.js';
import type { AllCondition } from './condition.js';
import type { Accumulator } from './result.js';
import { codeOf, describeValue, observedAt, presenceOf, quantityOf } from './value.js';

/** Which BCR::ABL1 transcripts a result speaks for (`any` = not transcript-specific: FISH, a Ph Condition code). */
export type PhScope = 'any' | 'p190' | 'p210' | 'p210-b2a2';

/** One Ph result. */
export interface PhResult {
  readonly value: 'positive' | 'negative';
  readonly scope: PhScope;
  readonly ref: string;
  readonly when?: number;
  /** A quantitative transcript ratio (which, after a positive result, monitors response). */
  readonly quantitative: boolean;
}

type PhObservationMapping = Extract<CodeMapping, { kind: 'observation' }>;

/** Ph results stated by ALL Condition codes (Ph+ ALL, B-ALL with BCR::ABL1, Ph− B-ALL). */
export function phFromConditions(conditions: readonly AllCondition[]): PhResult[] {
  return conditions.flatMap((c) =>
    c.diagnosis.flatMap((m) =>
      m.fact === 'ph'
        ? [
            {
              value: m.value,
              scope: 'any' as const,
              ref: c.at.ref,
              quantitative: false,
              ...(c.when === undefined ? {} : { when: c.when }),
            },
          ]
        : [],
    ),
  );
}

/**
 * Reads a BCR::ABL1 Observation: a coded answer or interpretation (positive / negative) first; for a transcript
 * ratio without either, any measured transcript (> 0) is positive and 0 is negative for that transcript.
 */
export function phFromObservation(
  at: Located,
  mapping: PhObservationMapping,
  term: Terminology,
  acc: Accumulator,
): PhResult | undefined {
  const scope: PhScope = mapping.transcript ?? 'any';
  const when = observedAt(at.resource);
  const base = {
    scope,
    ref: at.ref,
    quantitative: mapping.valueType === 'quantity',
    ...(when === undefined ? {} : { when }),
  };
  const presence = presenceOf(at.resource, term);
  if (presence !== undefined) {
    return { ...base, value: presence.value };
  }
  const q = quantityOf(at.resource);
  if (mapping.valueType === 'quantity' && q !== undefined && q.comparator === undefined && q.value >= 0) {
    return { ...base, value: q.value > 0 ? 'positive' : 'negative' };
  }
  acc.miss(
    'ph',
    `${at.ref} (BCR::ABL1 test ${codeOf(at)}) has ${describeValue(at.resource)}, which is not read as positive or negative`,
    at.ref,
  );
  return undefined;
}

/** True when a negative result in scope `neg` speaks against a positive in scope `pos`. */
function covers(neg: PhScope, pos: PhScope): boolean {
  if (neg === 'any') {
    return true;
  }
  if (neg === 'p210') {
    return pos === 'p210' || pos === 'p210-b2a2';
  }
  return neg === pos;
}

/** A later negative transcript ratio after a positive result measures response, not Ph status. */
function isResponse(negative: PhResult, positive: PhResult): boolean {
  return (
    negative.quantitative &&
    negative.when !== undefined &&
    positive.when !== undefined &&
    negative.when > positive.when
  );
}

function list(results: readonly PhResult[]): string {
  return results.map((r) => `${r.ref} (${r.value}${r.scope === 'any' ? '' : `, ${r.scope}`})`).join(', ');
}

/**
 * Combines all Ph results. Positive when a result is positive and no result covering the same transcript says
 * negative (a p210 0 % next to a positive p190 is transcript-specific, not a conflict). Negative when a
 * non-transcript-specific result (FISH, a Ph− Condition code) is negative, or both p190 and p210 are negative.
 */
export function mapPh(results: readonly PhResult[], acc: Accumulator): void {
  const positives = results.filter((r) => r.value === 'positive');
  const negatives = results.filter((r) => r.value === 'negative');
  const clashing = negatives.filter((n) =>
    positives.some((p) => covers(n.scope, p.scope) && !isResponse(n, p)),
  );
  if (clashing.length > 0) {
    const involved = [...positives, ...clashing];
    acc.conflict(
      'ph',
      `Ph / BCR::ABL1 results disagree: ${list(involved)}`,
      involved.map((r) => r.ref),
    );
    return;
  }
  if (positives.length > 0) {
    acc.set(
      'ph',
      'positive',
      positives.map((r) => r.ref),
    );
    return;
  }
  const scopes = new Set(negatives.map((r) => r.scope));
  if (scopes.has('any') || (scopes.has('p190') && scopes.has('p210'))) {
    acc.set(
      'ph',
      'negative',
      negatives.map((r) => r.ref),
    );
    return;
  }
  if (negatives.length > 0) {
    acc.miss(
      'ph',
      `only transcript-specific negative results (${list(negatives)}), which do not exclude the other BCR::ABL1 transcripts; Ph status is unknown, not negative: FISH for t(9;22) or RT-PCR for both p190 and p210 settles it`,
      negatives[0]?.ref,
    );
    return;
  }
  if (!acc.missing.some((m) => m.field === 'ph')) {
    acc.miss(
      'ph',
      'no Ph / BCR::ABL1 result (no Ph+ or Ph− ALL Condition code, no BCR::ABL1 FISH or RT-PCR Observation); Ph status is unknown, not negative: BCR::ABL1 / t(9;22) testing changes the pathway',
    );
  }
}
