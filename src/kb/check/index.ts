/**
 * `kb check`: schema, provenance and cross-references in one pass, every problem reported.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Issue } from '../../issues/index.js';
import { type KbFile, type LoadResult, parseKb } from '../load.js';
import { locateSourceText } from '../paths.js';
import type { Kb } from '../schema/index.js';
import { checkInvariants } from './invariants.js';
import { checkProse } from './prose.js';
import { checkProvenance, type ProvenanceCounts } from './provenance.js';
import { checkReferenceList } from './reference-list.js';
import { checkReferences } from './references.js';
import { proveScopes, type RuleProof } from './scope-proof.js';
import { type PreparedText, prepareText } from './text.js';

export { normalizeText, numbersIn, prepareText, printedIn, quoteStates } from './text.js';

export interface CheckOptions {
  /** Path of the primary source's full text (`--source FILE`). */
  readonly sourcePath?: string;
}

export interface CheckResult extends LoadResult {
  /** Source id → the path the text was read from. */
  readonly sourcePaths: ReadonlyMap<string, string>;
  /** Quotes and numbers proven against the source. */
  readonly counts: ProvenanceCounts;
  /** The scope proof of every rule. */
  readonly proofs: readonly RuleProof[];
  /** Studies whose ages the review does not state: gaps the scope proof cannot use. */
  readonly agesNotStated: readonly string[];
}

function loadTexts(
  kb: Kb,
  options: CheckOptions,
  issues: Issue[],
): Map<string, PreparedText> & { paths: Map<string, string>; raws: Map<string, string> } {
  const texts = new Map<string, PreparedText>() as Map<string, PreparedText> & {
    paths: Map<string, string>;
    raws: Map<string, string>;
  };
  texts.paths = new Map();
  texts.raws = new Map();
  const primary = kb.sources.find((s) => s.primary === true) ?? kb.sources[0];
  for (const source of kb.sources) {
    const explicit = source === primary ? options.sourcePath : undefined;
    const path = locateSourceText(source.textFile, explicit);
    if (path === undefined || !existsSync(path)) {
      issues.push({
        code: 'kb.source-missing',
        severity: 'error',
        file: `kb/sources/${source.id}.yaml`,
        path: 'textFile',
        message: `cannot find the text of "${source.id}" (${explicit ?? source.textFile}); pass --source FILE or set FRONTLINE_SOURCE_DIR`,
      });
      continue;
    }
    const raw = readFileSync(path, 'utf8');
    const sha = createHash('sha256').update(raw).digest('hex');
    if (sha !== source.sha256) {
      issues.push({
        code: 'kb.source-hash',
        severity: 'warning',
        file: `kb/sources/${source.id}.yaml`,
        path: 'sha256',
        message: `${path} is not the edition the knowledge base was proven against (sha256 ${sha.slice(0, 12)}…, expected ${source.sha256.slice(0, 12)}…); quotes are checked against it anyway`,
      });
    }
    texts.set(source.id, prepareText(raw));
    texts.paths.set(source.id, path);
    texts.raws.set(source.id, raw);
  }
  return texts;
}

/** Validates the knowledge base files and proves them against the source texts. */
export function checkKbFiles(files: readonly KbFile[], options: CheckOptions = {}): CheckResult {
  const loaded = parseKb(files);
  if (loaded.kb === undefined) {
    return {
      ...loaded,
      sourcePaths: new Map(),
      counts: { quotes: 0, numbers: 0 },
      proofs: [],
      agesNotStated: [],
    };
  }
  const issues: Issue[] = [...loaded.issues];
  const texts = loadTexts(loaded.kb, options, issues);
  const provenance = checkProvenance(loaded.kb, loaded.origins, texts);
  issues.push(...provenance.issues);
  issues.push(...checkReferences(loaded.kb, loaded.origins, texts));
  issues.push(...checkProse(loaded.kb, loaded.origins));
  issues.push(...checkInvariants(loaded.kb, loaded.origins));
  const scope = proveScopes(loaded.kb, loaded.origins);
  issues.push(...scope.issues);
  issues.push(...checkReferenceList(loaded.kb, loaded.origins, texts.raws));
  return {
    kb: loaded.kb,
    origins: loaded.origins,
    issues,
    sourcePaths: texts.paths,
    counts: provenance.counts,
    proofs: scope.proofs,
    agesNotStated: scope.agesNotStated,
  };
}
