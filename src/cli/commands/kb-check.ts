/**
 * `frontline kb check` (every file against the schema, every quote and number against the source) and
 * `frontline kb schema`.
 * @module
 */
import { writeFileSync } from 'node:fs';
import { formatIssue, hasErrors } from '../../issues/index.js';
import { type CheckResult, checkKbFiles, kbCounts, readInstalledKbFiles } from '../../kb/index.js';
import { kbSchemas } from '../../kb/json-schema.js';
import type { Io } from '../io.js';

/** The scope proof in two lines: rules proven and extrapolations licensed, then the studies of unstated ages. */
function scopeSummary(result: CheckResult): string {
  const proven = result.proofs.filter((p) => p.ok);
  const licensed = proven.reduce((n, p) => n + p.extrapolations, 0);
  const unproven = result.proofs.length - proven.length;
  const lines = [
    `${proven.length} rules proven in scope, ${licensed} extrapolation${licensed === 1 ? '' : 's'} licensed${unproven > 0 ? ` (${unproven} not proven)` : ''}`,
  ];
  if (result.agesNotStated.length > 0) {
    lines.push(
      `gaps: the review states no ages for ${result.agesNotStated.length} studies (${result.agesNotStated.join(', ')}); they license no age`,
    );
  }
  return `${lines.join('\n')}\n`;
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
      `checked ${c.studies} studies (${c.outcomes} outcomes), ${c.agents} agents, ${c.trials} trials, ${c.statements} statements, ${c.factors} factors, ${c.rules} rules, ${result.kb.references.length} references\n`,
    );
    io.out(`proved ${result.counts.quotes} quotes and ${result.counts.numbers} numbers against the source\n`);
    io.out(scopeSummary(result));
  }
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  io.out(
    failed
      ? `FAILED: ${errors} problem${errors === 1 ? '' : 's'}\n`
      : 'OK: every quote is verbatim, every number is in its quote, and every rule is inside its evidence\n',
  );
  return failed ? 1 : 0;
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
