/**
 * `frontline kb check` and `frontline kb export`.
 * @module
 */
import { writeFileSync } from 'node:fs';
import { formatIssue, hasErrors } from '../../issues/index.js';
import {
  checkKbFiles,
  exportJson,
  type Kb,
  outcomesCsv,
  readInstalledKbFiles,
  sourceNotes,
} from '../../kb/index.js';
import { kbSchemas } from '../../kb/json-schema.js';
import { CliError, type Io } from '../io.js';
import { installedKb } from '../kb-context.js';

/** Counts the README states and `kb export` proves. */
export function kbCounts(kb: Kb): Record<string, number> {
  return {
    studies: kb.studies.length,
    outcomes: kb.studies.reduce((n, s) => n + s.outcomes.length, 0),
    agents: kb.agents.length,
    trials: kb.trials.length,
    statements: kb.statements.length,
    factors: kb.factors.length,
    rules: kb.recommendations.length,
  };
}

export function check(io: Io, opts: { source?: string; json?: boolean }): number {
  const result = checkKbFiles(
    readInstalledKbFiles(),
    opts.source === undefined ? {} : { sourcePath: opts.source },
  );
  const failed = hasErrors(result.issues) || result.kb === undefined;
  if (opts.json === true) {
    io.out(
      `${JSON.stringify(
        {
          ok: !failed,
          version: result.kb?.version,
          counts: result.kb === undefined ? undefined : kbCounts(result.kb),
          proven: result.counts,
          sources: Object.fromEntries(result.sourcePaths),
          issues: result.issues,
        },
        null,
        2,
      )}\n`,
    );
    return failed ? 1 : 0;
  }
  for (const issue of result.issues) {
    io.err(`${issue.severity === 'error' ? 'error' : 'warning'}: ${formatIssue(issue)}\n`);
  }
  if (result.kb !== undefined) {
    const c = kbCounts(result.kb);
    io.out(`knowledge base ${result.kb.version}\n`);
    for (const [id, path] of result.sourcePaths) {
      io.out(`source ${id}: ${path}\n`);
    }
    io.out(
      `checked ${c.studies} studies (${c.outcomes} outcomes), ${c.agents} agents, ${c.trials} trials, ${c.statements} statements, ${c.factors} factors, ${c.rules} rules\n`,
    );
    io.out(`proved ${result.counts.quotes} quotes and ${result.counts.numbers} numbers against the source\n`);
  }
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  io.out(
    failed
      ? `FAILED: ${errors} problem${errors === 1 ? '' : 's'}\n`
      : 'OK: every quote is verbatim and every number is in its quote\n',
  );
  return failed ? 1 : 0;
}

export async function exportKb(
  io: Io,
  opts: { json?: boolean; csv?: boolean; out?: string },
): Promise<number> {
  if (opts.json === true && opts.csv === true) {
    throw new CliError('choose one of --json or --csv');
  }
  const kb = await installedKb();
  const text = opts.csv === true ? outcomesCsv(kb) : `${JSON.stringify(exportJson(kb), null, 2)}\n`;
  if (opts.out !== undefined) {
    writeFileSync(opts.out, text);
    io.err(`wrote ${opts.out} (knowledge base ${kb.version})\n`);
  } else {
    io.out(text);
  }
  return 0;
}

export function schema(io: Io, opts: { out?: string }): number {
  const schemas = kbSchemas();
  if (opts.out === undefined) {
    io.out(`${JSON.stringify(schemas.kb, null, 2)}\n`);
    return 0;
  }
  for (const [name, s] of Object.entries(schemas)) {
    writeFileSync(`${opts.out}/${name}.schema.json`, `${JSON.stringify(s, null, 2)}\n`);
  }
  io.err(`wrote ${Object.keys(schemas).length} JSON Schemas to ${opts.out}\n`);
  return 0;
}

/** `frontline kb notes`: where the knowledge base says the source is inconsistent, unclear or silent. */
export async function notes(io: Io, opts: { json?: boolean }): Promise<number> {
  const kb = await installedKb();
  const list = sourceNotes(kb);
  if (opts.json === true) {
    io.out(`${JSON.stringify({ kbVersion: kb.version, notes: list }, null, 2)}\n`);
    return 0;
  }
  for (const n of list) {
    io.out(`${n.kind} ${n.id} (${n.where}): ${n.note}\n`);
  }
  io.out(`\n${list.length} notes · knowledge base ${kb.version}\n`);
  return 0;
}
