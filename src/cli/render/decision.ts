/**
 * A decision in a terminal: options grouped by strength with their key numbers, warnings, trials and the authors'
 * words; what would apply if unknown facts were known; what is missing and which test settles it. `explain` adds
 * the full trace. Renders the engine's decision object; derives nothing.
 * @module
 */
import {
  type Decision,
  fmt,
  type Option,
  type Scalar,
  STRENGTH_ORDER,
  type TraceNode,
} from '../../engine/index.js';
import { fieldLabel, labelFieldsIn, valueLabel } from '../../profile/labels.js';
import { plainQuote } from '../quote-text.js';
import { wrap } from '../text.js';

const WIDTH = Math.min(process.stdout.columns ?? 100, 110);

const HEADINGS: Record<string, string> = {
  recommended: 'RECOMMENDED — the authors explicitly recommend or endorse it',
  supported: 'SUPPORTED — evidence or an approval the review reports',
  consider: 'CONSIDER — reasonable per the evidence, without endorsement',
  trial: 'TRIAL — only within a clinical trial',
  caution: 'CAUTION — used, but the review reports serious harm or failed endpoints',
  'not-recommended': 'NOT RECOMMENDED — the review reports no benefit or harm outweighing benefit',
};

function mark(v: TraceNode['verdict']): string {
  return v === true ? '✓' : v === false ? '✗' : '?';
}

function observed(n: TraceNode): string {
  if (n.kind !== 'condition') {
    return '';
  }
  if (n.observed === null || n.observed === undefined) {
    return ' — unknown';
  }
  const seen: readonly Scalar[] = typeof n.observed === 'object' ? n.observed : [n.observed];
  const v = seen.map(valueLabel).join(', ');
  return ` — seen: ${v}${n.written === undefined ? '' : ` (review: "${n.written}")`}`;
}

/** The trace as an indented tree. */
export function renderTrace(nodes: readonly TraceNode[], depth = 0): string[] {
  const lines: string[] = [];
  for (const n of nodes) {
    lines.push(`${'  '.repeat(depth)}${mark(n.verdict)} ${labelFieldsIn(n.label)}${observed(n)}`);
    if (n.children !== undefined && n.kind !== 'condition') {
      lines.push(...renderTrace(n.children, depth + 1));
    }
  }
  return lines;
}

/** One line per profile fact that is known. */
export function describeProfile(d: Decision): string {
  const p = d.profile;
  const parts: string[] = [
    p.lineage === undefined ? 'ALL, lineage unknown' : `${p.lineage}-ALL`,
    valueLabel(p.phase),
  ];
  if (p.age !== undefined) {
    parts.push(`age ${fmt(p.age)}`);
  }
  if (p.ph !== undefined) {
    parts.push(`Ph ${p.ph}`);
  }
  if (p.cd20Percent !== undefined) {
    parts.push(`CD20 ${fmt(p.cd20Percent)}%`);
  }
  if (p.mrd !== undefined) {
    parts.push(`MRD ${fmt(p.mrd.value)} (${fmt(p.mrd.value * 100)}%)`);
  }
  const rest = Object.entries(p)
    .filter(([k]) => !['lineage', 'phase', 'age', 'ph', 'cd20Percent', 'mrd'].includes(k))
    .map(
      ([k, v]) =>
        `${fieldLabel(k)}: ${Array.isArray(v) ? v.map(valueLabel).join(', ') : valueLabel(v as string | number | boolean)}`,
    );
  return [...parts, ...rest].join(', ');
}

function renderOption(o: Option, explain: boolean): string[] {
  const lines: string[] = [];
  const outside =
    o.phase === 'relapsed-refractory' ? ' (relapsed/refractory background, outside frontline)' : '';
  lines.push(wrap(`● ${o.title}${outside}`, WIDTH, 2));
  lines.push(wrap(`agents: ${o.agents.join(', ')}`, WIDTH, 4));
  for (const k of o.keyNumbers) {
    lines.push(wrap(k.text, WIDTH, 4));
  }
  for (const d of o.derived) {
    lines.push(wrap(d.text, WIDTH, 4));
  }
  for (const w of o.warnings) {
    lines.push(
      wrap(
        `⚠ ${w.text}${w.applies === 'unknown' ? ' (may apply)' : ''}${w.refs.length > 0 ? ` [refs ${w.refs.join(', ')}]` : ''}`,
        WIDTH,
        4,
      ),
    );
  }
  for (const e of o.extrapolation) {
    lines.push(
      wrap(
        `↗ Beyond the studied population: ${e.text} “${plainQuote(e.quote)}”${e.refs.length > 0 ? ` [refs ${e.refs.join(', ')}]` : ''}`,
        WIDTH,
        4,
      ),
    );
  }
  if (o.trials.length > 0) {
    lines.push(wrap(`trials: ${o.trials.join(', ')}`, WIDTH, 4));
  }
  for (const s of o.statements) {
    lines.push(
      wrap(
        `“${plainQuote(s.quote)}” (${valueLabel(s.kind)}${s.refs.length > 0 ? `; refs ${s.refs.join(', ')}` : ''})`,
        WIDTH,
        4,
      ),
    );
  }
  if (explain) {
    lines.push('    why:');
    lines.push(...renderTrace(o.because, 3));
    for (const e of o.evidence) {
      lines.push(
        wrap(`evidence ${e.studyName} [refs ${e.refs.join(', ')}]: “${plainQuote(e.quote)}”`, WIDTH, 6),
      );
    }
  }
  return lines;
}

function section(title: string, body: readonly string[]): string[] {
  return body.length === 0 ? [] : ['', title, ...body];
}

function renderPending(d: Decision, explain: boolean): string[] {
  return d.pending.flatMap((o) => [
    wrap(
      `○ ${o.title} (${valueLabel(o.strength)}) — needs: ${o.unknownFacts.map(fieldLabel).join(', ')}`,
      WIDTH,
      2,
    ),
    ...(explain ? renderTrace(o.because, 3) : []),
  ]);
}

/** The whole decision for a terminal. */
export function renderDecision(d: Decision, explain: boolean): string {
  const lines: string[] = [wrap(`Frontline — ${describeProfile(d)}`, WIDTH), `knowledge base ${d.kbVersion}`];
  lines.push(
    ...section(
      "OUTSIDE THE REVIEW'S EVIDENCE",
      d.outsideEvidence.map((o) =>
        wrap(`■ ${o.text}${o.refs.length > 0 ? ` [refs ${o.refs.join(', ')}]` : ''}`, WIDTH, 2),
      ),
    ),
  );
  for (const strength of STRENGTH_ORDER) {
    const options = d.options.filter((o) => o.strength === strength);
    lines.push(
      ...section(
        HEADINGS[strength] ?? strength.toUpperCase(),
        options.flatMap((o) => renderOption(o, explain)),
      ),
    );
  }
  if (d.options.length === 0) {
    lines.push('', 'No option of the review applies on the facts given.');
  }
  lines.push(...section('WOULD APPLY DEPENDING ON UNKNOWN FACTS', renderPending(d, explain)));
  lines.push(
    ...section(
      'PATIENT WARNINGS',
      d.warnings.map((w) =>
        wrap(`⚠ ${w.text}${w.refs.length > 0 ? ` [refs ${w.refs.join(', ')}]` : ''}`, WIDTH, 2),
      ),
    ),
  );
  lines.push(
    ...section(
      'MISSING — facts that would change the options',
      d.missing.map((m) => wrap(`? ${fieldLabel(m.field)}: ${m.text}`, WIDTH, 2)),
    ),
  );
  lines.push('', `${d.notice[0]?.toUpperCase()}${d.notice.slice(1)}.`);
  return `${lines.join('\n')}\n`;
}
