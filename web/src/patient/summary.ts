/**
 * The one-page tumor-board summary: one model, rendered as the print view and as Markdown, so "copy as Markdown"
 * gives the same text as the printed page. It reads the decision as the server returned it; it derives nothing.
 * @module
 */
import type { RecommendedDecision } from '../contract.js';
import { fieldLabel } from '../contract.js';
import { STRENGTH_LABEL, STRENGTH_MEANING, STRENGTHS, sentence } from '../ui/strength.js';
import { quoteText, refsText } from '../ui/text.js';
import { profileLine } from './profile-text.js';

export interface SummaryItem {
  readonly text: string;
  readonly lines: readonly string[];
}

export interface SummarySection {
  readonly heading: string;
  readonly note?: string;
  /** Short items: printed in two columns. */
  readonly short?: boolean;
  readonly items: readonly SummaryItem[];
}

export interface Summary {
  readonly title: string;
  readonly profile: string;
  readonly kb: string;
  readonly sections: readonly SummarySection[];
  readonly notice: string;
  /** Every reference number the summary cites, ascending: the print view ends with these entries. */
  readonly refs: readonly number[];
}

function refsAfter(text: string, refs: readonly number[]): string {
  const r = refsText(refs);
  return r === '' ? text : `${text} [${r}]`;
}

/** The summary of a decision. */
export function summarize(d: RecommendedDecision): Summary {
  const sections: SummarySection[] = [];
  const cited = new Set<number>();
  const withRefs = (text: string, refs: readonly number[]): string => {
    for (const r of refs) {
      cited.add(r);
    }
    return refsAfter(text, refs);
  };
  if (d.warnings.length > 0) {
    sections.push({
      heading: 'Patient warnings',
      items: d.warnings.map((w) => ({
        text: withRefs(`${w.kind === 'boundary' ? 'Boundary: ' : ''}${w.text}`, w.refs),
        lines: [],
      })),
    });
  }
  for (const strength of STRENGTHS) {
    const options = d.options.filter((o) => o.strength === strength);
    if (options.length === 0) {
      continue;
    }
    sections.push({
      heading: STRENGTH_LABEL[strength],
      note: STRENGTH_MEANING[strength],
      items: options.map((o) => ({
        text: `${o.title}${o.phase === 'relapsed-refractory' ? ' (relapsed/refractory background)' : ''}`,
        lines: [
          ...o.keyNumbers.map((k) => k.text),
          ...o.derived.map((x) => (/^derived/i.test(x.text) ? x.text : `Derived by Frontline: ${x.text}`)),
          ...o.statements
            .filter((s) => s.kind === 'recommendation')
            .map((s) => withRefs(`Authors: “${quoteText(s.quote)}”`, s.refs)),
          ...o.warnings.map((w) =>
            withRefs(`Warning${w.applies === 'unknown' ? ' (may apply)' : ''}: ${w.text}`, w.refs),
          ),
          ...(o.trials.length > 0 ? [`Trials: ${o.trials.join(', ')}`] : []),
        ],
      })),
    });
  }
  if (d.options.length === 0) {
    sections.push({
      heading: 'Options',
      items: [{ text: 'No option of the review applies on the facts given.', lines: [] }],
    });
  }
  if (d.pending.length > 0) {
    sections.push({
      heading: 'Would apply depending on unknown facts',
      items: d.pending.map((o) => ({
        text: `${o.title} (${STRENGTH_LABEL[o.strength]}) — needs: ${o.unknownFacts.map((f) => fieldLabel(f)).join(', ')}`,
        lines: [],
      })),
    });
  }
  if (d.missing.length > 0) {
    sections.push({
      heading: 'Missing facts and the test that settles each',
      short: true,
      items: d.missing.map((m) => ({ text: `${fieldLabel(m.field)}: ${m.test}`, lines: [] })),
    });
  }
  return {
    title: 'Frontline — tumor-board summary',
    profile: profileLine(d.profile),
    kb: `Knowledge base ${d.kbVersion} · Dias & Litzow, Integration of Immunotherapy Into the Frontline Treatment of ALL`,
    sections,
    notice: sentence(d.notice),
    refs: [...cited].sort((a, b) => a - b),
  };
}

/** Escapes text so Markdown shows it literally; `<55`, `≥3` and `P = .002` stay as written. */
export function md(text: string): string {
  return text
    .replace(/[\\`*_[\]]/g, (c) => `\\${c}`)
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/\s*\n\s*/g, ' ');
}

/** The summary as GitHub-flavoured Markdown. */
export function toMarkdown(s: Summary): string {
  const out: string[] = [`# ${md(s.title)}`, '', `**Patient:** ${md(s.profile)}`, '', `_${md(s.kb)}_`];
  for (const section of s.sections) {
    out.push('', `## ${md(section.heading)}`);
    if (section.note !== undefined) {
      out.push('', `_${md(section.note)}_`);
    }
    out.push('');
    for (const item of section.items) {
      out.push(`- ${md(item.text)}`);
      for (const line of item.lines) {
        out.push(`  - ${md(line)}`);
      }
    }
  }
  out.push('', `**${md(s.notice)}**`, '');
  return out.join('\n');
}
