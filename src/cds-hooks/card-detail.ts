/**
 * Card `detail` in GitHub-flavoured Markdown, rendered from the decision (the same object the CLI and web app
 * render; nothing is re-derived): strength and its meaning, rationale, key numbers, the evidence quoted verbatim
 * with reference numbers, the authors' own words kept apart, warnings, trials and the trace.
 * @module
 */
import type { Decision, Option } from '../engine/index.js';
import { fieldLabel } from '../profile/labels.js';
import { STRENGTH_MEANING } from './indicator.js';
import { md, mdKb, refsText, traceList } from './markdown.js';

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ['', `**${title}**`, '', ...lines];
}

function quoteBlock(quote: string, by: string, index: number): string[] {
  return [...(index > 0 ? [''] : []), `> “${md(quote)}”`, `> — ${by}`];
}

function keyNumbers(o: Option): string[] {
  return [...o.keyNumbers.map((k) => `- ${md(k.text)}`), ...o.derived.map((d) => `- _${md(d.text)}_`)];
}

function evidence(o: Option): string[] {
  return o.evidence.flatMap((e, i) =>
    quoteBlock(e.quote, `${md(e.studyName)}, ${refsText(e.refs) || 'no ref'}`, i),
  );
}

function authorsWords(o: Option): string[] {
  return o.statements.flatMap((s, i) =>
    quoteBlock(s.quote, `the authors (${s.kind}${s.refs.length > 0 ? `; ${refsText(s.refs)}` : ''})`, i),
  );
}

function warnings(o: Option): string[] {
  return o.warnings.map(
    (w) =>
      `- ⚠ ${mdKb(w.text)}${w.applies === 'unknown' ? ' _(may apply: a fact it depends on is unknown)_' : ''}${
        w.refs.length > 0 ? ` (${refsText(w.refs)})` : ''
      } — “${mdKb(w.quote)}”`,
  );
}

/** The footer every card carries: knowledge-base version and the notice (PRODUCT.md safety rule 5). */
export function footer(decision: Decision, sourceName: string): string[] {
  return [
    '',
    '---',
    `Frontline · knowledge base ${md(decision.kbVersion)} · source: ${md(sourceName)} · ${decision.notice}.`,
  ];
}

/**
 * The detail of an option card.
 * @param o - the option
 * @param decision - the decision it belongs to (for the KB version and the notice)
 * @param sourceName - e.g. "Dias & Litzow 2025 review"
 */
/** The parts of an option's detail that depend only on its rule, not on the patient. */
interface StaticDetail {
  readonly id: string;
  readonly strength: string;
  readonly rationale: string;
  /** Strength, rationale, agents, key numbers, evidence, the authors' words: joined lines. */
  readonly head: string;
  readonly trials: readonly string[];
}

/**
 * Built once per option of a compiled rule: the engine hands every decision the same evidence array for the same
 * rule, so that array keys the cache (and the id, strength and rationale are checked, in case another option ever
 * shares the array).
 */
const STATIC_DETAIL = new WeakMap<Option['evidence'], StaticDetail>();

function staticDetail(o: Option): StaticDetail {
  const cached = STATIC_DETAIL.get(o.evidence);
  if (
    cached !== undefined &&
    cached.id === o.id &&
    cached.strength === o.strength &&
    cached.rationale === o.rationale
  ) {
    return cached;
  }
  const outside =
    o.phase === 'relapsed-refractory' ? ' (relapsed/refractory evidence, outside frontline)' : '';
  const head = [
    `**${o.strength}** — ${STRENGTH_MEANING[o.strength]}${outside}.`,
    '',
    md(o.rationale),
    `Agents: ${md(o.agents.join(', '))}.`,
    ...section('Key numbers', keyNumbers(o)),
    ...section('Evidence (verbatim)', evidence(o)),
    ...section("The authors' words (verbatim)", authorsWords(o)),
  ].join('\n');
  const built: StaticDetail = {
    id: o.id,
    strength: o.strength,
    rationale: o.rationale,
    head,
    trials: section('Trials', o.trials.length === 0 ? [] : [o.trials.join(', ')]),
  };
  STATIC_DETAIL.set(o.evidence, built);
  return built;
}

export function optionDetail(o: Option, decision: Decision, sourceName: string): string {
  const fixed = staticDetail(o);
  const lines = [
    fixed.head,
    ...section('Warnings', warnings(o)),
    ...fixed.trials,
    ...section('Why it applies (✓ true, ✗ false, ? unknown)', traceList(o.because)),
    ...footer(decision, sourceName),
  ];
  return lines.join('\n');
}

/** The detail of the "what is missing" card: unknown facts with their tests, options pending on them. */
export function dataDetail(decision: Decision, sourceName: string): string {
  const missing = decision.missing.map(
    (m) =>
      `- **${md(fieldLabel(m.field))}** — ${md(m.text)}${m.affects.length > 0 ? ` (affects: ${md(m.affects.join(', '))})` : ''}`,
  );
  const pending = decision.pending.map(
    (o) => `- ${mdKb(o.title)} (${o.strength}) — needs: ${md(o.unknownFacts.map(fieldLabel).join(', '))}`,
  );
  const notes = decision.warnings
    .filter((w) => w.kind !== 'alert')
    .map((w) => `- ${md(w.text)}${w.refs.length > 0 ? ` (${refsText(w.refs)})` : ''}`);
  const lines = [
    'Missing data is unknown, never assumed negative: these facts would change the options.',
    ...section('Missing facts and the test that settles each', missing),
    ...section('Options that would apply depending on them', pending),
    ...section('Boundaries and data notes', notes),
    ...footer(decision, sourceName),
  ];
  return lines.join('\n');
}
