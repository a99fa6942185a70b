/**
 * Proves provenance: every quote is verbatim in its source text, and every number of a fact-bearing object is
 * stated in that object's quote.
 * @module
 */
import type { Issue } from '../../issues/index.js';
import type { Origin } from '../load.js';
import type { Kb } from '../schema/index.js';
import { type PreparedText, quoteStates } from './text.js';

/**
 * Keys whose numbers are not facts of the quote: reference numbers, ordering, and criteria trees (a rule's `when`,
 * a statement's `appliesTo`, an extrapolation's `scope`; a study population's `scope` holds criteria that each carry
 * their own quote).
 */
const NOT_FACTS = new Set(['refs', 'rank', 'when', 'appliesTo', 'scope']);

interface Walk {
  readonly file: string;
  readonly issues: Issue[];
  readonly counts: ProvenanceCounts;
  readonly texts: ReadonlyMap<string, PreparedText>;
  readonly primary: string;
}

function numbersUnder(value: unknown, path: string[], out: { path: string; value: number }[]): void {
  if (typeof value === 'number') {
    out.push({ path: path.join('.'), value });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      numbersUnder(v, [...path, String(i)], out);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    if ('quote' in value && path.length > 0) {
      return; // a nested fact is proven against its own quote
    }
    for (const [k, v] of Object.entries(value)) {
      if (!NOT_FACTS.has(k)) {
        numbersUnder(v, [...path, k], out);
      }
    }
  }
}

/** Proves one fact-bearing object: its quote is in the source, and each of its numbers is in its quote. */
function proveQuote(
  record: Record<string, unknown>,
  quote: string,
  path: readonly string[],
  source: string,
  w: Walk,
): void {
  w.counts.quotes++;
  const where = [...path, 'quote'].join('.');
  const text = w.texts.get(source);
  if (text !== undefined && !text.includes(quote)) {
    w.issues.push({
      code: 'kb.quote-not-found',
      severity: 'error',
      file: w.file,
      path: where,
      message: `quote is not verbatim in source "${source}": "${quote.length > 90 ? `${quote.slice(0, 90)}…` : quote}"`,
    });
  }
  const numbers: { path: string; value: number }[] = [];
  // A population criterion stated by an age word ("adults") takes its bound from the age-word table, which
  // `kb check` holds it to; the word, not the number, must be in the quote.
  const byWord = typeof record.words === 'string';
  for (const [k, v] of Object.entries(record)) {
    if (!NOT_FACTS.has(k) && k !== 'quote' && !(byWord && k === 'value')) {
      numbersUnder(v, [k], numbers);
    }
  }
  w.counts.numbers += numbers.length;
  for (const n of numbers) {
    if (!quoteStates(quote, n.value)) {
      w.issues.push({
        code: 'kb.number-not-in-quote',
        severity: 'error',
        file: w.file,
        path: [...path, n.path].join('.'),
        message: `${n.value} is not stated in the quote at ${where}`,
      });
    }
  }
}

function visit(node: unknown, path: string[], sourceId: string, w: Walk): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      visit(v, [...path, String(i)], sourceId, w);
    });
    return;
  }
  if (node === null || typeof node !== 'object') {
    return;
  }
  const record = node as Record<string, unknown>;
  const source = typeof record.source === 'string' ? record.source : sourceId;
  if (typeof record.quote === 'string') {
    proveQuote(record, record.quote, path, source, w);
  }
  for (const [k, v] of Object.entries(record)) {
    if (k !== 'when' && k !== 'appliesTo') {
      visit(v, [...path, k], source, w);
    }
  }
}

/** How many quotes and numbers were proven. */
export interface ProvenanceCounts {
  quotes: number;
  numbers: number;
}

/** Checks every quote and number of the knowledge base. `texts` maps source id → prepared full text. */
export function checkProvenance(
  kb: Kb,
  origins: ReadonlyMap<string, Origin>,
  texts: ReadonlyMap<string, PreparedText>,
): { issues: Issue[]; counts: ProvenanceCounts } {
  const issues: Issue[] = [];
  const counts: ProvenanceCounts = { quotes: 0, numbers: 0 };
  const primary = kb.sources.find((s) => s.primary === true)?.id ?? kb.sources[0]?.id ?? '';
  const each = (kind: string, items: readonly object[], key: (x: never) => string): void => {
    for (const item of items) {
      const origin = origins.get(`${kind}:${key(item as never)}`);
      const file = origin?.file ?? kind;
      const path = origin === undefined || origin.path === '' ? [] : origin.path.split('.');
      visit(item, path, primary, { file, issues, counts, texts, primary });
    }
  };
  each('studies', kb.studies, (s: { id: string }) => s.id);
  each('agents', kb.agents, (a: { id: string }) => a.id);
  each('trials', kb.trials, (t: { nct: string }) => t.nct);
  each('statements', kb.statements, (s: { id: string }) => s.id);
  each('factors', kb.factors, (f: { id: string }) => f.id);
  each('rules', kb.recommendations, (r: { id: string }) => r.id);
  each('alerts', kb.alerts, (a: { code: string }) => a.code);
  each('facts', kb.facts, (f: { fact: string }) => f.fact);
  return { issues, counts };
}
