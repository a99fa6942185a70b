// The one check that rendered text speaks in clinician words: no profile field ids, rule ids, raw values, LaTeX or
// broken plurals. Used by the web e2e suite on every page and by the CLI tests on text and CSV output.
import type { Kb } from '../../src/kb/core.js';
import { FACT_NAMES } from '../../src/kb/core.js';

/** Internal ids, raw values, LaTeX and broken plurals in the text a reader sees, each named with `where`. */
export function internalWordProblems(kb: Kb, where: string, text: string): string[] {
  const out: string[] = [];
  const camelFacts = FACT_NAMES.filter((f) => /[A-Z.]/.test(f));
  for (const id of camelFacts) {
    if (new RegExp(`(?<![\\w.-])${id.replace('.', '\\.')}(?![\\w-])`).test(text)) {
      out.push(`${where}: field id "${id}" in the text`);
    }
  }
  // Short ids a clinician writes otherwise (Ph, CD19, CD22, MRD, WBC): in lower case, as whole words, they are ids.
  // A shareable link's query (`&ph=negative`) and a path (`/cd22`) are not words.
  for (const id of ['ph', 'cd19', 'cd22', 'mrd', 'wbc']) {
    if (new RegExp(`(?<![\\w.=&?/-])${id}(?![\\w=/-])`).test(text)) {
      out.push(`${where}: field id "${id}" in the text`);
    }
  }
  for (const id of kb.recommendations.map((r) => r.id).filter((r) => text.includes(r))) {
    out.push(`${where}: rule id "${id}" in the text`);
  }
  for (const raw of ['not-stated', 'relapsed-refractory', 'newly-diagnosed', 'not-recommended']) {
    if (text.includes(raw)) {
      out.push(`${where}: raw value "${raw}" in the text`);
    }
  }
  const latex = /\$[^$\n]{1,40}\$|\\(geq|leq|pm|times|%)/.exec(text);
  if (latex !== null) {
    out.push(`${where}: LaTeX "${latex[0]}" in the text`);
  }
  if (/\b1 (options|records|trials) /.test(text) || /\b1 option apply\b/.test(text)) {
    out.push(`${where}: "1 …s" in the text`);
  }
  return out;
}
