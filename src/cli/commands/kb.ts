/**
 * `frontline kb export` and `frontline kb notes`: reads of the installed knowledge base, loaded without the schema
 * library (`kb check` and `kb schema`, which need it, are in kb-check.ts).
 * @module
 */
import { writeFileSync } from 'node:fs';
import { exportJson, outcomesCsv } from '../../kb/export.js';
import { sourceNotes } from '../../kb/query.js';
import { CliError, type Io } from '../io.js';
import { installedKb } from '../kb-context.js';

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
