/**
 * Codings and code-map look-ups: the FHIR `CodeableConcept` read against the terminology (`kb/terminology/`).
 * @module
 */
import type { CodeMapping } from '../kb/index.js';
import { type JsonObject, objs, str } from './json.js';

/** One coding as read from a CodeableConcept. */
export interface Coding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

/** The codings of a CodeableConcept (`coding[]`), skipping malformed ones. */
export function codingsOf(cc: JsonObject | undefined): Coding[] {
  return objs(cc, 'coding').map((c) => {
    const out: { system?: string; code?: string; display?: string } = {};
    const system = str(c, 'system');
    const code = str(c, 'code');
    const display = str(c, 'display');
    if (system !== undefined) {
      out.system = system;
    }
    if (code !== undefined) {
      out.code = code;
    }
    if (display !== undefined) {
      out.display = display;
    }
    return out;
  });
}

/** `system|code`, the key of the terminology index. */
function key(system: string, code: string): string {
  return `${system}|${code}`;
}

type Kind = CodeMapping['kind'];
type OfKind<K extends Kind> = Extract<CodeMapping, { kind: K }>;

/** Indexes already built, per terminology array (the knowledge base's, built once). */
const INDEXES = new WeakMap<readonly CodeMapping[], Terminology>();

/** The terminology indexed by `system|code`, for look-ups by kind. */
export class Terminology {
  private readonly index = new Map<string, CodeMapping[]>();

  /** The index of `mappings`, built on first use and kept while the array lives (one per knowledge base). */
  static of(mappings: readonly CodeMapping[]): Terminology {
    let t = INDEXES.get(mappings);
    if (t === undefined) {
      t = new Terminology(mappings);
      INDEXES.set(mappings, t);
    }
    return t;
  }

  /** @param mappings - the code maps (`kb.terminology`) */
  constructor(mappings: readonly CodeMapping[]) {
    for (const m of mappings) {
      const k = key(m.system, m.code);
      const list = this.index.get(k);
      if (list === undefined) {
        this.index.set(k, [m]);
      } else {
        list.push(m);
      }
    }
  }

  /** Every mapping of `kind` for one coding. */
  lookup<K extends Kind>(kind: K, coding: Coding): OfKind<K>[] {
    if (coding.system === undefined || coding.code === undefined) {
      return [];
    }
    const list = this.index.get(key(coding.system, coding.code)) ?? [];
    return list.filter((m): m is OfKind<K> => m.kind === kind);
  }

  /** Every mapping of `kind` for any coding of a CodeableConcept. */
  lookupConcept<K extends Kind>(kind: K, cc: JsonObject | undefined): OfKind<K>[] {
    return codingsOf(cc).flatMap((c) => this.lookup(kind, c));
  }
}

/** A short human form of a CodeableConcept for messages: `system|code "display"` of its first coding, or its text. */
export function describeConcept(cc: JsonObject | undefined): string {
  const first = codingsOf(cc)[0];
  if (first?.code !== undefined) {
    const display = first.display === undefined ? '' : ` "${first.display}"`;
    return `${first.system ?? '(no system)'}|${first.code}${display}`;
  }
  const text = str(cc, 'text');
  return text === undefined ? '(no code)' : `"${text}"`;
}
