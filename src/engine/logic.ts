/**
 * Three-valued logic (Kleene): an unknown fact is `'unknown'`, never `false`.
 * @module
 */

export type Verdict = true | false | 'unknown';

/** Conjunction: false wins, then unknown. */
export function and3(verdicts: readonly Verdict[]): Verdict {
  let unknown = false;
  for (const v of verdicts) {
    if (v === false) {
      return false;
    }
    if (v === 'unknown') {
      unknown = true;
    }
  }
  return unknown ? 'unknown' : true;
}

/** Disjunction: true wins, then unknown. */
export function or3(verdicts: readonly Verdict[]): Verdict {
  let unknown = false;
  for (const v of verdicts) {
    if (v === true) {
      return true;
    }
    if (v === 'unknown') {
      unknown = true;
    }
  }
  return unknown ? 'unknown' : false;
}

export function not3(v: Verdict): Verdict {
  return v === 'unknown' ? 'unknown' : !v;
}
