/**
 * The nesting depth of a JSON text, measured by one linear scan before `JSON.parse`: V8 parses deeply nested
 * arrays slowly (4 MB of `[` held the event loop for seconds before the 400), and no FHIR or CDS Hooks payload
 * nests anywhere near `MAX_JSON_DEPTH`.
 * @module
 */

/** Deepest nesting of arrays and objects accepted in a request or a FHIR response. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * True when `text` nests arrays/objects deeper than `max` (brackets inside strings do not count). It does not
 * validate the JSON: `JSON.parse` does that afterwards.
 */
export function nestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) {
        i++;
      } else if (c === QUOTE) {
        inString = false;
      }
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      depth++;
      if (depth > max) {
        return true;
      }
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}
