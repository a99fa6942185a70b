/**
 * The pure part of the knowledge base, safe for any runtime and cheap to load: the types of the schemas, the list of
 * profile facts, and the text helpers that read numbers as the source prints them. No file system, no crypto, and
 * no schema library (the schemas themselves are in `schema/`, for the loader, the checker and the server). The
 * engine imports only this.
 * @module
 */
export { normalizeText, numbersIn, printedIn, quoteStates } from './check/text.js';
export { agesStated, alertCriteria, populationCriteria, ruleCriteria, targetCriteria } from './population.js';
export type * from './schema/index.js';
export { FACT_NAMES, SETTINGS } from './schema/lists.js';
