/**
 * Lineage, phase and high-risk genetics from the ALL Condition(s): codes, histology morphology and clinical status.
 * @module
 */
import type { AllCondition, DiagnosisMapping } from './condition.js';
import { type Candidate, describeCandidates, pick } from './pick.js';
import type { Accumulator } from './result.js';

type FactMapping<F extends DiagnosisMapping['fact']> = Extract<DiagnosisMapping, { fact: F }>;

function facts<F extends DiagnosisMapping['fact']>(c: AllCondition, fact: F): FactMapping<F>[] {
  return c.diagnosis.filter((m): m is FactMapping<F> => m.fact === fact);
}

function codesOf(c: AllCondition): string {
  return [...new Set(c.diagnosis.map((m) => `${m.system}|${m.code}`))].join(', ');
}

/**
 * A Condition code that names Ph-positive ALL without a lineage (SNOMED CT 425688002) implies B lineage: the review
 * discusses Ph-positive disease only as B-ALL (11 times "Ph-positive B-ALL", never Ph-positive T-ALL). The value is
 * recorded as inferred, with its reason, as a `fhir.inferred` warning naming the Condition, so every surface shows it.
 * @returns true when lineage was inferred
 */
function inferLineageFromPh(conditions: readonly AllCondition[], acc: Accumulator): boolean {
  const refs = conditions
    .filter((c) => facts(c, 'ph').some((m) => m.value === 'positive'))
    .map((c) => c.at.ref);
  if (refs.length === 0) {
    return false;
  }
  acc.set('lineage', 'B', refs);
  acc.warnings.push({
    code: 'fhir.inferred',
    text: `Lineage B is inferred, not coded: ${refs.join(', ')} names Ph-positive ALL without a lineage, and the review discusses Ph-positive disease only as B-ALL; confirm by flow-cytometry immunophenotyping`,
    resources: [...new Set(refs)],
  });
  return true;
}

/**
 * Lineage: any specific code (B-ALL, T-ALL, ...) on any ALL Condition; the generic codes (SNOMED CT 91857003,
 * ICD-10-CM C91.0x) state none, so a specific code next to them wins. Specific codes that disagree: a conflict.
 */
export function mapLineage(conditions: readonly AllCondition[], acc: Accumulator): void {
  const candidates: Candidate<string>[] = conditions.flatMap((c) =>
    facts(c, 'lineage').map((m) => ({ value: m.value, ref: c.at.ref })),
  );
  const picked = pick(candidates, 'agree');
  if (picked.kind === 'value') {
    acc.set('lineage', picked.value, picked.refs);
    return;
  }
  if (picked.kind === 'conflict') {
    acc.conflict(
      'lineage',
      `ALL diagnosis codes disagree on lineage: ${describeCandidates(picked.candidates, String)}`,
      picked.candidates.map((c) => c.ref),
    );
    return;
  }
  if (inferLineageFromPh(conditions, acc)) {
    return;
  }
  const first = conditions[0];
  if (first === undefined) {
    acc.miss(
      'lineage',
      'no ALL Condition found (no Condition coded with a known ALL code: SNOMED CT, ICD-10-CM C91.0x or ICD-O-3 morphology); lineage (B or T) is unknown; it comes from flow-cytometry immunophenotyping',
    );
    return;
  }
  acc.miss(
    'lineage',
    `${first.at.ref} is coded ${codesOf(first)}, which names ALL but not its lineage (B or T); lineage is unknown until flow-cytometry immunophenotyping settles it`,
    first.at.ref,
  );
}

/**
 * Phase: codes that state remission or relapse (C91.01, C91.02, SNOMED CT remission / relapse / refractory) and
 * clinicalStatus remission / relapse / recurrence; `active` (a fallback mapping) gives newly-diagnosed only when
 * nothing more specific is said. Specific statements that disagree: a conflict.
 */
export function mapPhase(conditions: readonly AllCondition[], acc: Accumulator): void {
  const specific: Candidate<string>[] = conditions.flatMap((c) => [
    ...facts(c, 'phase').map((m) => ({ value: m.value, ref: c.at.ref })),
    ...c.status.filter((m) => m.fallback !== true).map((m) => ({ value: m.value, ref: c.at.ref })),
  ]);
  const fallback: Candidate<string>[] = conditions.flatMap((c) =>
    c.status.filter((m) => m.fallback === true).map((m) => ({ value: m.value, ref: c.at.ref })),
  );
  const picked = specific.length > 0 ? pick(specific, 'agree') : pick(fallback, 'agree');
  if (picked.kind === 'value') {
    acc.set('phase', picked.value, picked.refs);
    return;
  }
  if (picked.kind === 'conflict') {
    acc.conflict(
      'phase',
      `ALL Condition codes and clinical statuses disagree on the phase: ${describeCandidates(picked.candidates, String)} (a profile without phase defaults to newly-diagnosed)`,
      picked.candidates.map((c) => c.ref),
    );
    return;
  }
  const first = conditions[0];
  if (first !== undefined) {
    acc.miss(
      'phase',
      `${first.at.ref} has clinicalStatus ${first.clinicalStatus === undefined ? '(none)' : `"${first.clinicalStatus}"`}, which does not state the phase, and no remission or relapse code; the profile default newly-diagnosed applies unless phase is set`,
      first.at.ref,
    );
  }
}

/** High-risk genetics a diagnosis code names (e.g. B-ALL with KMT2A (MLL) rearrangement). */
export function mapDiagnosisGenetics(conditions: readonly AllCondition[], acc: Accumulator): void {
  const found = conditions.flatMap((c) =>
    facts(c, 'highRiskGenetics').map((m) => ({ value: m.value, ref: c.at.ref })),
  );
  if (found.length > 0) {
    acc.set(
      'highRiskGenetics',
      [...new Set(found.map((f) => f.value))],
      found.map((f) => f.ref),
    );
  }
}
