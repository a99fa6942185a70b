/**
 * How quotes are compared with the source text. Both sides are normalized the same way, so a quote may be copied
 * with or without the source's markup: whitespace is collapsed, `$` (math) and `*` (emphasis) markers are dropped,
 * the few LaTeX commands of the text read as their symbols (`\%` → `%`, `\geq` → `≥`, `\pm` → `±`, `\times` → `×`),
 * citation superscripts (`¹⁴`, `^{12,13}`) are dropped, and `^{x}` is read as `^x`. Nothing else is forgiven: a
 * changed word, digit or sign is a different text.
 * @module
 */

const SUPERSCRIPTS = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/g;
const CITATION = /\^\{\d+(?:\s*[,-–]\s*\d+)*\}/g;
const BRACED = /\^\{([^}]*)\}/g;

/** Normalizes text for verbatim comparison (see module doc). */
export function normalizeText(text: string): string {
  return text
    .replace(CITATION, '')
    .replace(SUPERSCRIPTS, '')
    .replace(BRACED, '^$1')
    .replace(/\\%/g, '%')
    .replace(/\\geq\s*/g, '≥')
    .replace(/\\leq\s*/g, '≤')
    .replace(/\\pm\s*/g, '± ')
    .replace(/\\times\s*/g, '×')
    .replace(/[$*]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:)])(?=\s|$)/g, '$1')
    .replace(/\( /g, '(')
    .trim();
}

/** A source text prepared for quote look-ups. */
export interface PreparedText {
  readonly normalized: string;
  includes(quote: string): boolean;
}

export function prepareText(text: string): PreparedText {
  const normalized = normalizeText(text);
  return {
    normalized,
    includes: (quote: string) => normalized.includes(normalizeText(quote)),
  };
}

/**
 * Every number a (normalized) quote states, in the forms a reader would see: plain decimals (".002" is 0.002),
 * powers of ten ("10^-4" is 0.0001, "1×10^-6" is 0.000001) and percentages read as fractions ("0.1%" is also
 * 0.001), so a threshold kept as a fraction in the profile's units can be proven against "0.1%".
 */
export function numbersIn(quote: string): number[] {
  const text = normalizeText(quote);
  const found: number[] = [];
  const power = /(?:(\d+(?:\.\d+)?)\s*[×x]\s*)?10\^(-?\d+)/g;
  let masked = text;
  for (const m of text.matchAll(power)) {
    const mantissa = m[1] === undefined ? 1 : Number(m[1]);
    found.push(mantissa * 10 ** Number(m[2]));
    masked = masked.replace(m[0], ' ');
  }
  for (const m of masked.matchAll(/(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(\s*%)?/g)) {
    const raw = m[1] ?? '';
    const value = Number(raw.replaceAll(',', ''));
    if (Number.isNaN(value)) {
      continue;
    }
    found.push(value);
    if (m[2] !== undefined) {
      found.push(value / 100);
    }
  }
  return found;
}

/** True when `value` is one of the numbers the quote states (to 1e-9 relative tolerance). */
export function quoteStates(quote: string, value: number): boolean {
  return numbersIn(quote).some((n) => Math.abs(n - value) <= 1e-9 * Math.max(1, Math.abs(value)));
}

/**
 * How the source prints `value` in `quote` ("0.70", "96.0"), so displays keep the source's precision; the plain
 * number when the quote does not print it.
 */
export function printedIn(quote: string, value: number): string {
  const text = normalizeText(quote);
  for (const m of text.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+/g)) {
    const token = m[0];
    if (Math.abs(Number(token.replaceAll(',', '')) - value) <= 1e-9 * Math.max(1, Math.abs(value))) {
      return token.startsWith('.') ? `0${token}` : token;
    }
  }
  return String(Number(value.toPrecision(12)));
}
