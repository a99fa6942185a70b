/**
 * The FHIR R4 / mCODE STU4 adapter: a Bundle or a CDS Hooks prefetch → a Frontline profile input, with the
 * resources each fact came from, what could not be mapped, conflicting results and structural issues. Pure.
 * @module
 */
export { type AgeResult, ageInYears } from './age.js';
export { isFhirBundle } from './bundle.js';
export { shortProteinChange } from './genomics.js';
export { mapBundle } from './map.js';
export { mapPrefetch } from './prefetch.js';
export type { FhirMapResult, FhirWarning, MissingFact } from './result.js';
