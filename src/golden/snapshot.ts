/**
 * A decision as the golden snapshot keeps it: what a clinician would see change (options and their strengths,
 * pending options, warning codes, missing facts, evidence from outside the review), not the wording around it.
 * Fields the decision contract may grow (`outsideEvidence`, an option's `extrapolation`) are read when present.
 * @module
 */
import type { Decision, Option } from '../engine/index.js';

export interface DecisionSnapshot {
  readonly id: string;
  /** `ruleId:strength`, strongest first. */
  readonly options: readonly string[];
  /** `ruleId:strength` of options that depend on unknown facts. */
  readonly pending: readonly string[];
  /** Warning codes by option id (options and pending); `code?` when the warning may apply (a fact is unknown). */
  readonly optionWarnings: Readonly<Record<string, readonly string[]>>;
  /** Patient warning codes (alerts, boundaries, input). */
  readonly warnings: readonly string[];
  /** Profile fields whose absence would change the options. */
  readonly missing: readonly string[];
  /** Texts of evidence from outside the review, when the decision has any. */
  readonly outsideEvidence?: readonly string[] | undefined;
  /** Extrapolation texts by option id, when any option has them. */
  readonly extrapolation?: Readonly<Record<string, readonly string[]>> | undefined;
}

/** The `text` of each element of an optional list field of the decision contract (empty when absent). */
function texts(holder: object, field: string): string[] {
  const list: unknown = Reflect.get(holder, field);
  if (!Array.isArray(list)) {
    return [];
  }
  return list.flatMap((x: unknown) => {
    const t: unknown = x !== null && typeof x === 'object' ? Reflect.get(x, 'text') : undefined;
    return typeof t === 'string' ? [t] : [];
  });
}

function warningCodes(o: Option): string[] {
  return o.warnings.map((w) => (w.applies === true ? w.code : `${w.code}?`));
}

/** The snapshot of one decision. */
export function snapshotOf(id: string, d: Decision): DecisionSnapshot {
  const optionWarnings: Record<string, readonly string[]> = {};
  const extrapolation: Record<string, readonly string[]> = {};
  for (const o of [...d.options, ...d.pending]) {
    const codes = warningCodes(o);
    if (codes.length > 0) {
      optionWarnings[o.id] = codes;
    }
    const ex = texts(o, 'extrapolation');
    if (ex.length > 0) {
      extrapolation[o.id] = ex;
    }
  }
  const outside = texts(d, 'outsideEvidence');
  return {
    id,
    options: d.options.map((o) => `${o.id}:${o.strength}`),
    pending: d.pending.map((o) => `${o.id}:${o.strength}`),
    optionWarnings,
    warnings: d.warnings.map((w) => w.code),
    missing: d.missing.map((m) => m.field),
    ...(outside.length > 0 ? { outsideEvidence: outside } : {}),
    ...(Object.keys(extrapolation).length > 0 ? { extrapolation } : {}),
  };
}

/** One line of `decisions.ndjson`, keys in a fixed order. */
export function snapshotLine(s: DecisionSnapshot): string {
  return JSON.stringify({
    id: s.id,
    options: s.options,
    pending: s.pending,
    optionWarnings: s.optionWarnings,
    warnings: s.warnings,
    missing: s.missing,
    ...(s.outsideEvidence === undefined ? {} : { outsideEvidence: s.outsideEvidence }),
    ...(s.extrapolation === undefined ? {} : { extrapolation: s.extrapolation }),
  });
}
