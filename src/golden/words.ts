/**
 * Criteria and profiles in a clinician's words, for `frontline kb diff` and the knowledge-base changelog: "Age ≥ 18",
 * "Fit for intensive chemotherapy: yes", "B-ALL, newly diagnosed, age 45, Philadelphia chromosome: negative".
 * Reads the one label table (`src/profile/labels.ts`); a rule's own `label` wins where it has one.
 * @module
 */
import { fmt, OP_TEXT } from '../engine/index.js';
import type { Criterion } from '../kb/core.js';
import { fieldLabel, valueLabel } from '../profile/labels.js';
import type { JsonProfile } from './profile-json.js';

function valueWords(v: unknown): string {
  if (Array.isArray(v)) {
    return v.map(valueWords).join(', ');
  }
  if (typeof v === 'number') {
    return fmt(v);
  }
  return typeof v === 'string' || typeof v === 'boolean' ? valueLabel(v) : String(v);
}

/** One criterion (a whole tree) as one phrase. */
export function criterionWords(c: Criterion): string {
  if (c.label !== undefined) {
    return c.label;
  }
  if ('all' in c) {
    return c.all.map((x) => wrapped(x)).join(' and ');
  }
  if ('any' in c) {
    return `either ${c.any.map((x) => wrapped(x)).join(' or ')}`;
  }
  if ('not' in c) {
    return `not (${criterionWords(c.not)})`;
  }
  const field = fieldLabel(c.fact);
  if (c.op === 'known') {
    return `${field} known`;
  }
  if (c.op === 'eq') {
    return `${field}: ${valueWords(c.value)}`;
  }
  // The trace's operator words, but "is not" for ne: a word reads better than ≠ in a sentence of values.
  return `${field} ${c.op === 'ne' ? 'is not' : OP_TEXT[c.op]} ${valueWords(c.value)}`;
}

function wrapped(c: Criterion): string {
  const w = criterionWords(c);
  return c.label === undefined && ('all' in c || 'any' in c) ? `(${w})` : w;
}

/** The top-level conditions of a criterion (each child of a top `all`), each in words: what a diff compares. */
export function conditionWords(c: Criterion): string[] {
  return c.label === undefined && 'all' in c ? c.all.flatMap(conditionWords) : [criterionWords(c)];
}

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function mrdWords(v: Readonly<Record<string, unknown>>): string {
  const value = typeof v.value === 'number' ? `${fmt(v.value * 100)}%` : 'unknown';
  const after = v.afterCycle === undefined ? '' : ` after cycle ${valueWords(v.afterCycle)}`;
  const method = v.method === undefined ? '' : ` by ${valueWords(v.method)}`;
  return `MRD ${value}${after}${method}`;
}

function factWords(k: string, v: unknown): string {
  if (k === 'mrd' && isRecord(v)) {
    return mrdWords(v);
  }
  return `${fieldLabel(k)}: ${Array.isArray(v) && v.length === 0 ? 'none' : valueWords(v)}`;
}

/** A profile in one line: lineage, phase, age first, then every other known fact with its label. */
export function profileWords(p: JsonProfile): string {
  const lineage = p.lineage === undefined ? 'ALL, lineage unknown' : valueWords(p.lineage);
  const parts = [lineage, p.phase === undefined ? 'phase unknown' : valueWords(p.phase)];
  parts.push(p.age === undefined ? 'age unknown' : `age ${valueWords(p.age)}`);
  const rest = Object.entries(p).filter(
    ([k, v]) => k !== 'lineage' && k !== 'phase' && k !== 'age' && v !== undefined,
  );
  return [...parts, ...rest.map(([k, v]) => factWords(k, v))].join(', ');
}
