/**
 * `frontline kb diff` in words: what a reviewer reads before a knowledge-base release, and what its changelog entry
 * is written from.
 * @module
 */
import type { FieldChange, ItemChange, KbDiff, NamedChange, NamedChanges } from './kb-diff.js';
import type { Named } from './release.js';

const FIELD_WORDS: Readonly<Record<string, string>> = {
  title: 'title',
  strength: 'strength',
  phase: 'phase',
  question: 'question',
  agents: 'agents',
  trials: 'trials',
  who: 'applies to',
  evidence: 'evidence',
  warnings: 'warnings',
  extrapolation: 'extrapolation',
  text: 'text',
  studies: 'studies',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function fieldLines(c: FieldChange): string[] {
  const name = FIELD_WORDS[c.field] ?? c.field;
  const single =
    c.added.length <= 1 &&
    c.removed.length <= 1 &&
    ['title', 'strength', 'phase', 'question', 'text'].includes(c.field);
  if (single) {
    return [`    ${name}: ${c.removed[0] ?? '(none)'} → ${c.added[0] ?? '(none)'}`];
  }
  return [...c.removed.map((x) => `    ${name} − ${x}`), ...c.added.map((x) => `    ${name} + ${x}`)];
}

function changedLines(list: readonly ItemChange[]): string[] {
  return list.flatMap((c) => [`  ~ ${c.title} (${c.id})`, ...c.changes.flatMap(fieldLines)]);
}

const nameOf = (x: { readonly id: string; readonly name: string }): string =>
  x.name === x.id ? x.id : `${x.name} (${x.id})`;

/** "sponsor added; outcomes changed": the fields of one record that differ, by name. */
function fieldsWords(c: NamedChange): string {
  return [
    ...c.added.map((f) => `${f} added`),
    ...c.removed.map((f) => `${f} removed`),
    ...c.changed.map((f) => `${f} changed`),
  ].join('; ');
}

function namedLine(kind: string, c: NamedChanges): string[] {
  if (c.added.length + c.removed.length + c.changed.length === 0) {
    return [];
  }
  const names = (l: readonly Named[]): string => l.map(nameOf).join('; ');
  return [
    ...(c.added.length > 0 ? [`${kind} added: ${names(c.added)}`] : []),
    ...(c.removed.length > 0 ? [`${kind} removed: ${names(c.removed)}`] : []),
    ...(c.changed.length > 0
      ? [`${kind} changed:`, ...c.changed.map((x) => `  ~ ${nameOf(x)}: ${fieldsWords(x)}`)]
      : []),
  ];
}

/** A part of the knowledge base in words: its folder's name, and "rules" for the recommendations. */
function partWords(part: string): string {
  return part === 'recommendations' ? 'rules' : part;
}

/** The diff as lines of text. */
export function kbDiffLines(d: KbDiff): string[] {
  const out = [`knowledge base ${d.from.version} (${d.from.label}) → ${d.to.version} (${d.to.label})`];
  if (d.same) {
    out.push(
      `no change: the same rules, alerts, studies, agents and trials, and the same decision for all ${plural(d.patients.compared, 'compared patient')}`,
    );
    return out;
  }
  const r = d.rules;
  out.push(
    '',
    `Rules: ${r.added.length} added, ${r.removed.length} removed, ${r.changed.length} changed (${d.counts.from.rules ?? '?'} → ${d.counts.to.rules ?? '?'})`,
  );
  for (const x of r.added) {
    out.push(`  + ${x.title} (${x.id}): ${x.strength}`);
    out.push(`    applies to: ${x.who.join('; ')}`);
    out.push(`    agents: ${x.agents.join(', ')}; evidence: ${x.evidence.join('; ')}`);
  }
  for (const x of r.removed) {
    out.push(`  − ${x.title} (${x.id}): was ${x.strength}`);
  }
  out.push(...changedLines(r.changed));
  const a = d.alerts;
  if (a.added.length + a.removed.length + a.changed.length > 0) {
    out.push('', `Alerts: ${a.added.length} added, ${a.removed.length} removed, ${a.changed.length} changed`);
    out.push(...a.added.map((x) => `  + ${x.text} (${x.id}); applies to: ${x.who.join('; ')}`));
    out.push(...a.removed.map((x) => `  − ${x.text} (${x.id})`));
    out.push(...changedLines(a.changed));
  }
  const named = [
    ...namedLine('Studies', d.studies),
    ...namedLine('Agents', d.agents),
    ...namedLine('Trials', d.trials),
  ];
  if (named.length > 0) {
    out.push('', ...named);
  }
  if (d.parts.compared && d.parts.changed.length > 0) {
    out.push('', `Parts of the knowledge base that changed: ${d.parts.changed.map(partWords).join(', ')}`);
  } else if (!d.parts.compared && d.from.version !== d.to.version) {
    out.push(
      '',
      'The versions differ. One side is a release made before kb diff recorded a fingerprint of each part, so only its rules, alerts, decisions and the names of its studies, agents and trials are compared.',
    );
  }
  const p = d.patients;
  out.push(
    '',
    `Patients: ${plural(p.changed, 'patient')} of ${p.compared.toLocaleString('en-US')} compared changed${p.notCompared > 0 ? ` (${plural(p.notCompared, 'patient')} only one version could decide, not compared)` : ''}`,
  );
  for (const g of p.groups) {
    out.push(`  ${g.subjectWords}: ${g.what} — ${plural(g.patients, 'patient')}`);
    out.push(...g.examples.slice(0, 1).map((e) => `      e.g. ${e}`));
  }
  return out;
}
