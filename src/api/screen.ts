/**
 * Cohort screening: one patient record → a compact result, and the per-trial candidate tally. Streaming-friendly:
 * nothing is kept per patient beyond the counters.
 * @module
 */
import type { CompiledKb } from '../engine/index.js';
import { recommend } from './recommend.js';

export interface ScreenRow {
  readonly line: number;
  readonly id?: string;
  readonly ok: boolean;
  /** Options that apply: id and strength. */
  readonly options?: readonly { readonly id: string; readonly strength: string }[];
  /** Option ids that would apply depending on unknown facts. */
  readonly pending?: readonly string[];
  /** NCT ids of trials this patient is a candidate for (an applicable option names them). */
  readonly trials?: readonly string[];
  /** NCT ids of trials that depend on unknown facts. */
  readonly possibleTrials?: readonly string[];
  readonly missing?: readonly string[];
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
}

export interface TrialTally {
  readonly nct: string;
  readonly name?: string;
  candidates: number;
  possible: number;
}

export interface ScreenSummary {
  readonly kbVersion: string;
  profiles: number;
  evaluated: number;
  rejected: number;
  readonly trials: Map<string, TrialTally>;
}

export function newSummary(ckb: CompiledKb): ScreenSummary {
  const trials = new Map<string, TrialTally>();
  for (const t of [...ckb.kb.trials].sort((a, b) => (a.nct < b.nct ? -1 : 1))) {
    trials.set(t.nct, {
      nct: t.nct,
      ...(t.name === undefined ? {} : { name: t.name }),
      candidates: 0,
      possible: 0,
    });
  }
  return { kbVersion: ckb.kb.version, profiles: 0, evaluated: 0, rejected: 0, trials };
}

/** A record may be a profile, a FHIR Bundle, or `{ "id": ..., "profile" | "bundle": ... }`. */
function unwrap(record: unknown): { id?: string; json: unknown } {
  if (record !== null && typeof record === 'object' && !Array.isArray(record)) {
    const r = record as Record<string, unknown>;
    if ('id' in r && ('profile' in r || 'bundle' in r) && Object.keys(r).length === 2) {
      return { id: String(r.id), json: r.profile ?? r.bundle };
    }
  }
  return { json: record };
}

/** Screens one record and adds it to the summary. */
export function screenRecord(
  record: unknown,
  line: number,
  ckb: CompiledKb,
  summary: ScreenSummary,
): ScreenRow {
  summary.profiles++;
  const { id, json } = unwrap(record);
  const base = { line, ...(id === undefined ? {} : { id }) };
  const result = recommend(json, ckb);
  if (!result.ok) {
    summary.rejected++;
    return { ...base, ok: false, errors: result.errors };
  }
  summary.evaluated++;
  const d = result.decision;
  const trials = [...new Set(d.options.flatMap((o) => o.trials))].sort();
  const possibleTrials = [...new Set(d.pending.flatMap((o) => o.trials))]
    .filter((t) => !trials.includes(t))
    .sort();
  for (const t of trials) {
    const tally = summary.trials.get(t);
    if (tally !== undefined) {
      tally.candidates++;
    }
  }
  for (const t of possibleTrials) {
    const tally = summary.trials.get(t);
    if (tally !== undefined) {
      tally.possible++;
    }
  }
  return {
    ...base,
    ok: true,
    options: d.options.map((o) => ({ id: o.id, strength: o.strength })),
    pending: d.pending.map((o) => o.id),
    trials,
    possibleTrials,
    missing: d.missing.map((m) => m.field),
  };
}

/** The CSV form of a profile: one column per profile field; arrays separated by ";" or "|"; empty = unknown. */
export function profileFromCsvRow(row: Record<string, string>): {
  id?: string;
  profile: Record<string, unknown>;
} {
  const profile: Record<string, unknown> = {};
  let id: string | undefined;
  const mrd: Record<string, unknown> = {};
  for (const [rawKey, rawValue] of Object.entries(row)) {
    const key = rawKey.trim();
    const value = rawValue.trim();
    if (value === '') {
      continue;
    }
    if (key === 'id') {
      id = value;
    } else if (key === 'mrd' || key === 'mrd.value') {
      mrd.value = toScalar(value);
    } else if (key === 'mrdAfterCycle' || key === 'mrd.afterCycle') {
      mrd.afterCycle = toScalar(value);
    } else if (key === 'mrdMethod' || key === 'mrd.method') {
      mrd.method = value;
    } else if (LIST_FIELDS.has(key)) {
      profile[key] = value
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    } else {
      profile[key] = toScalar(value);
    }
  }
  if (Object.keys(mrd).length > 0) {
    profile.mrd = mrd;
  }
  return { ...(id === undefined ? {} : { id }), profile };
}

const LIST_FIELDS = new Set(['highRiskGenetics', 'abl1Mutations', 'priorTherapy']);

function toScalar(v: string): string | number | boolean {
  const lower = v.toLowerCase();
  if (lower === 'true' || lower === 'yes') {
    return true;
  }
  if (lower === 'false' || lower === 'no') {
    return false;
  }
  const n = Number(v);
  return Number.isFinite(n) && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v) ? n : v;
}
