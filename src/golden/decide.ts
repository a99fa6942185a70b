/**
 * The golden corpus evaluated with one knowledge base: a snapshot per patient, in corpus order.
 * @module
 */
import { type CompiledKb, evaluate } from '../engine/index.js';
import { parseProfile } from '../profile/index.js';
import type { GoldenProfile } from './generate.js';
import { type DecisionSnapshot, snapshotOf } from './snapshot.js';

/** Evaluates every corpus patient; a profile the parser rejects is an error naming its id. */
export function decideCorpus(profiles: readonly GoldenProfile[], ckb: CompiledKb): DecisionSnapshot[] {
  return profiles.map((p) => {
    const parsed = parseProfile(p.profile);
    if (!parsed.ok) {
      const first = parsed.errors[0];
      throw new Error(
        `golden profile ${p.id} is not valid: ${first?.path ?? ''} ${first?.message ?? ''}`.trim(),
      );
    }
    return snapshotOf(p.id, evaluate(parsed.profile, ckb));
  });
}

/** Like `decideCorpus`, but a profile this version's parser rejects gets `undefined` (an older corpus may hold one). */
export function decideTolerant(
  profiles: readonly { readonly id: string; readonly profile: unknown }[],
  ckb: CompiledKb,
): (DecisionSnapshot | undefined)[] {
  return profiles.map((p) => {
    const parsed = parseProfile(p.profile);
    return parsed.ok ? snapshotOf(p.id, evaluate(parsed.profile, ckb)) : undefined;
  });
}
