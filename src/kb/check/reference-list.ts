/**
 * Proves the knowledge base's reference list against each source's own "References" section: every numbered entry
 * of the source has exactly one record, each record's text is the entry (normalized as quotes are), and its authors,
 * title, journal, year, DOI, PMID and URL are each read from that text. Entries the text wraps across lines are
 * joined; a continuation line's stray list marker ("- ") is dropped, and nothing else is forgiven.
 * @module
 */
import type { Issue } from '../../issues/index.js';
import type { Origin } from '../load.js';
import type { Kb, SourceReference } from '../schema/index.js';
import { normalizeText } from './text.js';

/** The numbered entries of a text's "References" section (number → entry text without its number). */
export function referenceEntries(raw: string): Map<number, string> {
  const lines = raw.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === 'References');
  const entries = new Map<number, string>();
  if (start < 0) {
    return entries;
  }
  let current: number | undefined;
  for (const line of lines.slice(start + 1)) {
    const t = line.trim();
    if (t === '') {
      continue;
    }
    const m = /^(\d+)\.\s+(.*)$/.exec(t);
    if (m !== null) {
      current = Number(m[1]);
      entries.set(current, m[2] ?? '');
    } else if (current !== undefined) {
      entries.set(current, `${entries.get(current) ?? ''} ${t.replace(/^-\s+/, '')}`);
    }
  }
  return entries;
}

const FIELDS = ['authors', 'title', 'journal', 'doi', 'pmid', 'url'] as const;

function checkOne(ref: SourceReference, entry: string | undefined, at: Origin): Issue[] {
  if (entry === undefined) {
    return [
      {
        code: 'kb.dangling-ref',
        severity: 'error',
        ...at,
        message: `reference ${ref.n} is not in the reference list of "${ref.source}"`,
      },
    ];
  }
  const source = normalizeText(entry);
  const issues: Issue[] = [];
  if (normalizeText(ref.text) !== source) {
    issues.push({
      code: 'kb.quote-not-found',
      severity: 'error',
      ...at,
      path: `${at.path}.text`,
      message: `reference ${ref.n} differs from the source's entry: "${source.slice(0, 120)}…"`,
    });
  }
  const own = normalizeText(ref.text);
  for (const field of FIELDS) {
    const value = ref[field];
    if (value !== undefined && !own.includes(normalizeText(value))) {
      issues.push({
        code: 'kb.quote-not-found',
        severity: 'error',
        ...at,
        path: `${at.path}.${field}`,
        message: `the ${field} of reference ${ref.n} is not in its text`,
      });
    }
  }
  if (!own.includes(String(ref.year))) {
    issues.push({
      code: 'kb.number-not-in-quote',
      severity: 'error',
      ...at,
      path: `${at.path}.year`,
      message: `the year of reference ${ref.n} is not in its text`,
    });
  }
  return issues;
}

/**
 * Checks the references of every source whose raw text is known (`raws`: source id → full text).
 * @param kb - the loaded knowledge base
 * @param origins - where each entity was defined
 * @param raws - source id → the full text, as read from disk
 */
export function checkReferenceList(
  kb: Kb,
  origins: ReadonlyMap<string, Origin>,
  raws: ReadonlyMap<string, string>,
): Issue[] {
  const issues: Issue[] = [];
  for (const source of kb.sources) {
    const raw = raws.get(source.id);
    if (raw === undefined) {
      continue;
    }
    const entries = referenceEntries(raw);
    const file = `kb/references/${source.id}.yaml`;
    const held = kb.references.filter((r) => r.source === source.id);
    for (const ref of held) {
      const at = origins.get(`references:${source.id}:${ref.n}`) ?? { file, path: '' };
      issues.push(...checkOne(ref, entries.get(ref.n), at));
    }
    const heldNumbers = new Set(held.map((r) => r.n));
    const missing = [...entries.keys()].filter((n) => !heldNumbers.has(n));
    if (missing.length > 0) {
      issues.push({
        code: 'kb.ref-range',
        severity: 'error',
        file,
        message: `the source lists references the knowledge base does not hold: ${missing.join(', ')}`,
      });
    }
    if (entries.size !== source.referenceCount) {
      issues.push({
        code: 'kb.ref-range',
        severity: 'error',
        file: `kb/sources/${source.id}.yaml`,
        path: 'referenceCount',
        message: `the source's reference list has ${entries.size} entries, referenceCount says ${source.referenceCount}`,
      });
    }
  }
  return issues;
}
