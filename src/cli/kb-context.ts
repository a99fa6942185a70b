/**
 * Loads the installed knowledge base for a command, turning load problems into one clear CLI error.
 * @module
 */
import { type CompiledKb, compileKb } from '../engine/index.js';
import { formatIssue } from '../issues/index.js';
import { type Kb, loadInstalledKb } from '../kb/index.js';
import { CliError } from './io.js';

let cached: Kb | undefined;
let compiled: CompiledKb | undefined;

/** The installed knowledge base; fails with the list of problems when it does not load. */
export function installedKb(): Kb {
  if (cached !== undefined) {
    return cached;
  }
  const { kb, issues } = loadInstalledKb();
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
export function installedEngineKb(): CompiledKb {
  compiled ??= compileKb(installedKb());
  return compiled;
}
