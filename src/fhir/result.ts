/**
 * The result of mapping FHIR data to a Frontline profile, and the accumulator the mappers write into.
 * @module
 */
import type { Issue } from '../issues/index.js';
import { fieldLabel } from '../profile/labels.js';

/** A profile fact that could not be mapped, and why; names the resource when one was involved. */
export interface MissingFact {
  readonly field: string;
  readonly text: string;
  readonly resource?: string;
}

/** A problem in the clinical content, e.g. two results that disagree (`fhir.conflict`). */
export interface FhirWarning {
  readonly code: string;
  readonly text: string;
  readonly resources: readonly string[];
}

/** What `mapBundle` / `mapPrefetch` return. Data only: nothing is thrown. */
export interface FhirMapResult {
  /** A ProfileInput-shaped object for `parseProfile`; unknown facts are absent (`lineage` too, when unknown). */
  readonly input: Record<string, unknown>;
  /** Profile field → the resources (`Observation/cd20-a`) its value came from. */
  readonly sources: Record<string, string[]>;
  /** What could not be mapped and why. */
  readonly missing: MissingFact[];
  /** Clinical-content problems such as conflicting results (code `fhir.conflict`). */
  readonly warnings: FhirWarning[];
  /** Structural problems (not a Bundle, entry without resource, ...), each with a path. */
  readonly issues: Issue[];
  /** Whether the record holds a Condition coded as ALL (with or without its lineage). */
  readonly allDiagnosis: boolean;
}

/** Collects the mapped facts, their sources, what is missing and the warnings. */
export class Accumulator {
  readonly input: Record<string, unknown> = {};
  readonly sources: Record<string, string[]> = {};
  readonly missing: MissingFact[] = [];
  readonly warnings: FhirWarning[] = [];
  /** Set when an ALL Condition is found. */
  allDiagnosis = false;

  /** Sets a profile field and the resources it came from. */
  set(field: string, value: unknown, refs: readonly string[]): void {
    this.input[field] = value;
    this.sources[field] = [...new Set(refs)];
  }

  /** True when the field has been mapped. */
  has(field: string): boolean {
    return field in this.input;
  }

  /** Records a fact that could not be mapped. */
  miss(field: string, text: string, resource?: string): void {
    this.missing.push(resource === undefined ? { field, text } : { field, text, resource });
  }

  /** Records two or more results that disagree: a `fhir.conflict` warning and a missing entry for the field. */
  conflict(field: string, text: string, refs: readonly string[]): void {
    const resources = [...new Set(refs)];
    this.warnings.push({ code: 'fhir.conflict', text, resources });
    this.miss(field, `${text}; ${fieldLabel(field)} is left unknown until the results are reconciled`);
  }
}
