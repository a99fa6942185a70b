/**
 * The one use case every surface shares: JSON in (a profile, or a FHIR R4 Bundle), a decision out, or the list of
 * bad fields. The CLI, the REST API, CDS Hooks and the screen command all call this.
 * @module
 */
import { type CompiledKb, type Decision, evaluate } from '../engine/index.js';
import { type FhirMapResult, isFhirBundle, mapBundle } from '../fhir/index.js';
import { type FieldError, parseProfile } from '../profile/index.js';

export interface FhirSummary {
  readonly sources: FhirMapResult['sources'];
  readonly missing: FhirMapResult['missing'];
  readonly warnings: FhirMapResult['warnings'];
  /** Whether the record holds an ALL diagnosis at all. */
  readonly allDiagnosis: boolean;
}

/** The decision, plus what the FHIR mapping found when the input was a Bundle. */
export type RecommendedDecision = Decision & { readonly fhir?: FhirSummary };

export type RecommendResult =
  | { readonly ok: true; readonly decision: RecommendedDecision; readonly fhir?: FhirSummary }
  | { readonly ok: false; readonly errors: readonly FieldError[]; readonly fhir?: FhirSummary };

/**
 * Adds what the FHIR mapping found to the decision: conflicts become patient warnings, and where a missing fact
 * was looked for in the record, its entry says what the record held. Facts the record lacks that change no option
 * stay in `fhir.missing` only.
 */
function withFhir(decision: Decision, fhir: FhirMapResult): RecommendedDecision {
  return {
    ...decision,
    warnings: [
      ...decision.warnings,
      ...fhir.warnings.map((w) => ({
        code: w.code,
        text: `${w.text} (${w.resources.join(', ')})`,
        refs: [],
        kind: 'input' as const,
      })),
    ],
    missing: decision.missing.map((m) => {
      const extra = fhir.missing.find((f) => f.field === m.field);
      return extra === undefined ? m : { ...m, text: `${m.text} In the record: ${extra.text}` };
    }),
    fhir: {
      sources: fhir.sources,
      missing: fhir.missing,
      warnings: fhir.warnings,
      allDiagnosis: fhir.allDiagnosis,
    },
  };
}

/** Evaluates a profile or a FHIR Bundle given as parsed JSON. */
export function recommend(json: unknown, ckb: CompiledKb): RecommendResult {
  if (isFhirBundle(json)) {
    const mapped = mapBundle(json, ckb.kb.terminology);
    const fhir: FhirSummary = {
      sources: mapped.sources,
      missing: mapped.missing,
      warnings: mapped.warnings,
      allDiagnosis: mapped.allDiagnosis,
    };
    const structural = mapped.issues.filter((i) => i.severity === 'error');
    if (structural.length > 0) {
      return { ok: false, errors: structural.map((i) => ({ path: i.path ?? '', message: i.message })), fhir };
    }
    const parsed = parseProfile(mapped.input);
    if (!parsed.ok) {
      return { ok: false, errors: parsed.errors, fhir };
    }
    return { ok: true, decision: withFhir(evaluate(parsed.profile, ckb), mapped), fhir };
  }
  const parsed = parseProfile(json);
  if (!parsed.ok) {
    return { ok: false, errors: parsed.errors };
  }
  return { ok: true, decision: evaluate(parsed.profile, ckb) };
}
