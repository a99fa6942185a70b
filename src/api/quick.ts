/**
 * The cheap path of `recommend` for the common case, a valid plain profile: checked by the profile's fast path
 * (no schema library) and evaluated. Anything else (a FHIR Bundle, a profile with a problem) gets `undefined`, and
 * `recommend` decides and words the errors. A property test holds the two to the same decision.
 * @module
 */
import { type CompiledKb, evaluate } from '../engine/index.js';
import { quickProfile } from '../profile/fast.js';
import type { RecommendResult } from './recommend.js';

/** The decision for a certainly valid plain profile; `undefined` when the full `recommend` must decide. */
export function quickRecommend(json: unknown, ckb: CompiledKb): RecommendResult | undefined {
  const profile = quickProfile(json);
  return profile === undefined ? undefined : { ok: true, decision: evaluate(profile, ckb) };
}
