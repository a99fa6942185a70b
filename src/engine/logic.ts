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

/** Conjunction of two verdicts (as `and3([a, b])`, without the array). */
export function and2(a: Verdict, b: Verdict): Verdict {
  return a === false || b === false ? false : a === 'unknown' || b === 'unknown' ? 'unknown' : true;
}

/** Disjunction of two verdicts (as `or3([a, b])`, without the array). */
export function or2(a: Verdict, b: Verdict): Verdict {
  return a === true || b === true ? true : a === 'unknown' || b === 'unknown' ? 'unknown' : false;
}

export function not3(v: Verdict): Verdict {
  return v === 'unknown' ? 'unknown' : !v;
}
