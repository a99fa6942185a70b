/**
 * The pure part of the knowledge base, safe for any runtime: the schemas (and their types) and the text helpers
 * that read numbers as the source prints them. No file system, no crypto. The engine imports only this.
 * @module
 */
export { normalizeText, numbersIn, printedIn, quoteStates } from './check/text.js';
export * from './schema/index.js';
