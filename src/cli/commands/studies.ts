/**
 * `frontline studies`, `frontline study ID` and `frontline trials`: the evidence, readable in a terminal.
 * @module
 */
import { describeOutcome, fmt } from '../../engine/index.js';
import { studiesCsv } from '../../kb/export.js';
import { filterStudies, findStudy, suggestStudies } from '../../kb/query.js';
import type { Kb, Study } from '../../kb/schema/index.js';
import { sponsorText } from '../../kb/trial-text.js';
import { CliError, type Io } from '../io.js';
import { plainQuote } from '../quote-text.js';
import { table, wrap } from '../text.js';

const WIDTH = Math.min(process.stdout.columns ?? 100, 110);

function renderHeader(kb: Kb, s: Study): string[] {
  const lines: string[] = [];
  lines.push(`${s.name}${s.aliases.length > 0 ? ` (also ${s.aliases.join(', ')})` : ''}  [${s.id}]`);
  lines.push(
    `phase ${s.phase} · ${s.design} · ${s.settings.join(', ')} · ${s.status} · ${s.lineage}-ALL · Ph ${s.ph} · refs ${s.refs.join(', ')}`,
  );
  lines.push('');
  const p = s.population;
  const range = `${p.ageMin === undefined ? '' : fmt(p.ageMin)}-${p.ageMax === undefined ? '' : fmt(p.ageMax)}`;
  const ages = range === '-' ? '' : `, ages ${range}`;
  const n = p.n === undefined ? '' : ` (n = ${p.n}${ages})`;
  lines.push(wrap(`Population: ${p.description}${n}`, WIDTH));
  lines.push(wrap(`Regimen: ${s.regimen}`, WIDTH));
  const names = s.agents.map((a) => kb.agents.find((x) => x.id === a)?.name ?? a);
  lines.push(wrap(`Agents: ${names.join(', ')}`, WIDTH));
  if (s.arms.length > 0) {
    const arms = s.arms.map((a) => `${a.id} = ${a.label}${a.control === true ? ' (control)' : ''}`);
    lines.push(wrap(`Arms: ${arms.join('; ')}`, WIDTH));
  }
  if (s.trials.length > 0) {
    lines.push(`Trials: ${s.trials.join(', ')}`);
  }
  lines.push(wrap(`“${plainQuote(s.summary.quote)}” [${s.summary.refs.join(', ')}]`, WIDTH, 2));
  return lines;
}

function renderOutcomes(s: Study): string[] {
  const lines: string[] = [];
  for (const category of ['efficacy', 'safety', 'disposition'] as const) {
    const outcomes = s.outcomes.filter((o) => o.category === category);
    if (outcomes.length === 0) {
      continue;
    }
    lines.push('');
    lines.push(`${category[0]?.toUpperCase()}${category.slice(1)} (${outcomes.length})`);
    for (const o of outcomes) {
      lines.push(wrap(`• ${describeOutcome(o, s)}  [refs ${o.refs.join(', ')}]`, WIDTH, 2));
      lines.push(wrap(`“${plainQuote(o.quote)}”`, WIDTH, 6));
      if (o.note !== undefined) {
        lines.push(wrap(`note: ${o.note}`, WIDTH, 6));
      }
    }
  }
  return lines;
}

function renderStudy(kb: Kb, s: Study): string {
  const lines = [...renderHeader(kb, s), ...renderOutcomes(s)];
  const notes = [...s.notes, ...(s.population.note === undefined ? [] : [s.population.note])];
  if (notes.length > 0) {
    lines.push('');
    lines.push('Notes on the source');
    for (const n of notes) {
      lines.push(wrap(`• ${n}`, WIDTH, 2));
    }
  }
  return lines.join('\n');
}

export function studies(
  io: Io,
  kb: Kb,
  opts: { agent?: string; setting?: string; json?: boolean; csv?: boolean },
): number {
  if (opts.json === true && opts.csv === true) {
    throw new CliError('choose one of --json or --csv');
  }
  const result = filterStudies(kb, { agent: opts.agent, setting: opts.setting });
  if (!result.ok) {
    throw new CliError(`--${result.field}: ${result.message}`);
  }
  if (opts.json === true) {
    io.out(`${JSON.stringify({ kbVersion: kb.version, studies: result.studies }, null, 2)}\n`);
    return 0;
  }
  if (opts.csv === true) {
    io.out(studiesCsv(kb, result.studies));
    io.err(`knowledge base ${kb.version}\n`);
    return 0;
  }
  const rows = [
    ['ID', 'NAME', 'PHASE', 'DESIGN', 'SETTING', 'LINEAGE', 'PH', 'N', 'OUTCOMES'],
    ...result.studies.map((s) => [
      s.id,
      s.name.length > 34 ? `${s.name.slice(0, 33)}…` : s.name,
      s.phase,
      s.design,
      s.settings.join(','),
      s.lineage,
      s.ph,
      s.population.n === undefined ? '-' : String(s.population.n),
      String(s.outcomes.length),
    ]),
  ];
  io.out(`${table(rows)}\n\n${result.studies.length} studies · knowledge base ${kb.version}\n`);
  return 0;
}

export function study(io: Io, kb: Kb, id: string, opts: { json?: boolean }): number {
  const s = findStudy(kb, id);
  if (s === undefined) {
    const near = suggestStudies(kb, id);
    throw new CliError(
      `no study "${id}"${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''} (list them with \`frontline studies\`)`,
    );
  }
  if (opts.json === true) {
    io.out(`${JSON.stringify({ kbVersion: kb.version, study: s }, null, 2)}\n`);
    return 0;
  }
  io.out(`${renderStudy(kb, s)}\n\nknowledge base ${kb.version}\n`);
  return 0;
}

export function trials(io: Io, kb: Kb, opts: { json?: boolean }): number {
  const list = [...kb.trials].sort((a, b) => (a.nct < b.nct ? -1 : 1));
  if (opts.json === true) {
    io.out(`${JSON.stringify({ kbVersion: kb.version, trials: list }, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const t of list) {
    const agents = t.agents.map((a) => kb.agents.find((x) => x.id === a)?.name ?? a).join(' + ');
    lines.push(
      `${t.nct}${t.name === undefined ? '' : ` ${t.name}`} · phase ${t.phase} · ${t.status} · ${t.settings.join(', ')}`,
    );
    lines.push(wrap(`${agents} — ${t.population}`, WIDTH, 2));
    lines.push(wrap(t.summary, WIDTH, 2));
    lines.push(wrap(`Sponsor: ${sponsorText(t)}`, WIDTH, 2));
    lines.push(
      wrap(`“${plainQuote(t.quote)}”${t.refs.length > 0 ? ` [${t.refs.join(', ')}]` : ''}`, WIDTH, 4),
    );
    lines.push('');
  }
  io.out(`${lines.join('\n')}${list.length} trials named in the review · knowledge base ${kb.version}\n`);
  return 0;
}
