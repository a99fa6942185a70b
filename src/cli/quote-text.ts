/**
 * A quote of the review as a terminal shows it: the source's markup read (`$P=.002$` → `P=.002`, `\geq` → `≥`,
 * `10^{-4}` → `10⁻⁴`, `*IKZF1*` → `IKZF1`), every word, digit and sign kept. The same reading as the web app's.
 * @module
 */

const SUPER: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '−': '⁻',
  '+': '⁺',
};

function superscript(s: string): string {
  const chars = [...s];
  return chars.every((c) => c in SUPER) ? chars.map((c) => SUPER[c] ?? c).join('') : `^${s}`;
}

/** The quote as plain text. */
export function plainQuote(quote: string): string {
  return quote
    .replace(/\\%/g, '%')
    .replace(/\\geq\s*/g, '≥')
    .replace(/\\leq\s*/g, '≤')
    .replace(/\\pm\s*/g, '± ')
    .replace(/\\times\s*/g, '×')
    .replace(/\$/g, '')
    .replace(/\^\{([^}]*)\}|\^(-?\d+)/g, (_m, a: string | undefined, b: string | undefined) =>
      superscript(a ?? b ?? ''),
    )
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
