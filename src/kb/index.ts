/**
 * The knowledge base: schemas (the single source of truth for its types), loading and checking.
 * @module
 */
import { type KbFile, type LoadResult, parseKb, readKbFiles } from './load.js';
import { KB_DIR, PROJECT_ROOT } from './paths.js';

export {
  type CheckOptions,
  type CheckResult,
  checkKbFiles,
  normalizeText,
  numbersIn,
  printedIn,
  quoteStates,
} from './check/index.js';
export { filesHash, KB_BUNDLE, loadInstalledKb, writeKbBundle } from './installed.js';
export { type KbFile, type LoadResult, type Origin, parseKb, readKbFiles } from './load.js';
export { KB_DIR, locateSourceText, PROJECT_ROOT } from './paths.js';
export { agesStated, alertCriteria, populationCriteria, ruleCriteria, targetCriteria } from './population.js';
export * from './schema/index.js';
export { SPONSOR_NOT_NAMED, sponsorText } from './trial-text.js';
export { contentHash } from './version.js';

/** Reads and validates the installed knowledge base (no source-text proof; that is `kb check`). */
export function loadKb(kbDir: string = KB_DIR): LoadResult {
  return parseKb(readKbFiles(kbDir, PROJECT_ROOT));
}

export function readInstalledKbFiles(kbDir: string = KB_DIR): KbFile[] {
  return readKbFiles(kbDir, PROJECT_ROOT);
}
export { exportJson, OUTCOME_CSV_COLUMNS, outcomesCsv, studiesCsv } from './export.js';
export {
  type FilterResult,
  filterStudies,
  findAgent,
  findStudy,
  kbCounts,
  type SourceNote,
  type StudyFilter,
  sourceNotes,
  suggestStudies,
} from './query.js';
