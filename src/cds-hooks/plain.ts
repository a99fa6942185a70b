/**
 * Clinician words in cards: the review's LaTeX math (`$P < .001$`, `1×10^{-4}`) as plain text, and profile field ids
 * (`cd20Percent`, `mrd`) as the labels of `kb/facts.yaml`.
 * @module
 */
import type { Kb } from '../kb/index.js';

const LATEX_SYMBOLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\\times/g, '×'],
  [/\\(?:leq|le)\b/g, '≤'],
  [/\\(?:geq|ge)\b/g, '≥'],
  [/\\pm/g, '±'],
  [/\\%/g, '%'],
  [/\\,/g, ' '],
];

/**
 * Text without LaTeX markup: `$…$` delimiters dropped, `^{-4}` → `^-4`, `\times` → `×`; nothing else changes.
 * @param text - a quote or sentence from the knowledge base
 * @example plain('(70% vs 38%; $P < .001$)') // '(70% vs 38%; P < .001)'
 */
export function plain(text: string): string {
  let out = text.replace(/\$([^$]*)\$/g, '$1');
  for (const [pattern, symbol] of LATEX_SYMBOLS) {
    out = out.replace(pattern, symbol);
  }
  return out.replace(/\^\{([^{}]*)\}/g, '^$1').replace(/_\{([^{}]*)\}/g, '$1');
}

/** True when text still holds LaTeX markup a clinician would see raw. */
export function hasLatex(text: string): boolean {
  return /\$[^$\s][^$]*\$|\\[a-z]+|\^\{/.test(text);
}

const LABELS = new WeakMap<Kb, ReadonlyMap<string, string>>();

/**
 * The clinician's label of a profile field (`highRiskGenetics` → "High-risk genetic lesions"), from `kb/facts.yaml`,
 * whose labels `kb check` holds to the profile's label table (the app and the CLI say the same); a field the facts do
 * not describe keeps its name with camelCase split into words.
 */
export function factLabel(kb: Kb, field: string): string {
  let labels = LABELS.get(kb);
  if (labels === undefined) {
    const map = new Map<string, string>();
    for (const f of kb.facts) {
      const top = f.fact.split('.')[0] ?? f.fact;
      if (!map.has(top) || f.fact === `${top}.value`) {
        map.set(top, f.label);
      }
    }
    labels = map;
    LABELS.set(kb, labels);
  }
  return labels.get(field) ?? field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The facts entry of a field (for its test and its order code). */
export function factInfo(kb: Kb, field: string): Kb['facts'][number] | undefined {
  return kb.facts.find((f) => f.fact === field) ?? kb.facts.find((f) => f.fact === `${field}.value`);
}
