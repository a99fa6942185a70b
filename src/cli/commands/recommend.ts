/**
 * `frontline recommend [FILE|-] [--json] [--explain]` and its flag form.
 * @module
 */
import { readFileSync } from 'node:fs';
import { quickRecommend } from '../../api/quick.js';
import { CliError, type Io } from '../io.js';
import { installedEngineKb } from '../kb-context.js';
import { hasProfileFlags, profileFromFlags } from '../profile-flags.js';
import { renderDecision } from '../render/decision.js';

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(
      code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${String(code ?? error)}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${file === '-' ? 'standard input' : file} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

export async function run(io: Io, file: string | undefined, flags: Record<string, unknown>): Promise<number> {
  if (flags.fit === true && flags.unfit === true) {
    throw new CliError('choose one of --fit or --unfit');
  }
  const fromFlags = hasProfileFlags(flags);
  if (file !== undefined && fromFlags) {
    throw new CliError('give either a FILE (or -) or profile flags, not both');
  }
  if (file === undefined && !fromFlags) {
    throw new CliError(
      'give a profile: a JSON FILE, - for standard input, or flags such as --lineage B --age 45 --ph negative',
    );
  }
  const json = file === undefined ? profileFromFlags(flags) : readJson(file);
  const ckb = await installedEngineKb();
  // A valid profile is answered without loading the schema library; anything else takes the full path, which
  // reads FHIR Bundles and names every bad field.
  const result = quickRecommend(json, ckb) ?? (await import('../../api/recommend.js')).recommend(json, ckb);
  if (!result.ok) {
    const lines = result.errors.map((e) => `  ${e.path === '' ? '(profile)' : e.path}: ${e.message}`);
    if (flags.json === true) {
      io.out(`${JSON.stringify({ errors: result.errors, fhir: result.fhir }, null, 2)}\n`);
    }
    throw new CliError(`invalid profile:\n${lines.join('\n')}`);
  }
  if (flags.json === true) {
    io.out(`${JSON.stringify(result.decision, null, 2)}\n`);
  } else {
    io.out(renderDecision(result.decision, flags.explain === true));
  }
  return 0;
}
