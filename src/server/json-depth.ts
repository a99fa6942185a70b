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
 * Where a text nests too deep: the top-level member it happens under, as written between its quotes (`""` for the
 * empty key), or `''` when the top level is not an object.
 */
export interface TooDeep {
  readonly member: string;
}

/**
 * Whether `text` nests arrays/objects deeper than `max` (brackets inside strings do not count), and under which
 * top-level member (the last string seen at depth 1 before going deeper is that member's key). It does not validate
 * the JSON: `JSON.parse` does that afterwards.
 */
export function tooDeep(text: string, max = MAX_JSON_DEPTH): TooDeep | undefined {
  const topIsObject = text.trimStart().charCodeAt(0) === OPEN_OBJECT;
  let depth = 0;
  let member = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (depth === 1) {
        member = text.slice(i + 1, end);
      }
      i = end;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      depth++;
      if (depth > max) {
        return { member: topIsObject ? member || '""' : '' };
      }
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return undefined;
}

/** The index of the quote that closes the string opened at `open` (escapes skipped), or the end of the text. */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
    } else if (c === QUOTE) {
      return i;
    }
  }
  return text.length;
}
