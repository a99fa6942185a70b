/**
 * Loads the installed knowledge base for a command, turning load problems into one clear CLI error.
 * @module
 */
import { type CompiledKb, compileKb } from '../engine/index.js';
import { formatIssue } from '../issues/index.js';
import { loadInstalledKb } from '../kb/installed.js';
import type { Kb } from '../kb/schema/index.js';
import { CliError } from './io.js';

let cached: Kb | undefined;
let compiled: CompiledKb | undefined;

/** The installed knowledge base; fails with the list of problems when it does not load. */
export async function installedKb(): Promise<Kb> {
  if (cached !== undefined) {
    return cached;
  }
  const { kb, issues } = await loadInstalledKb();
  if (kb === undefined) {
    const list = issues.slice(0, 20).map((i) => `  ${formatIssue(i)}`);
    throw new CliError(
      `the knowledge base does not load (${issues.length} problems; run \`frontline kb check\`):\n${list.join('\n')}`,
      1,
    );
  }
  cached = kb;
  return kb;
}

/** The installed knowledge base compiled for the engine. */
export async function installedEngineKb(): Promise<CompiledKb> {
  compiled ??= compileKb(await installedKb());
  return compiled;
}
