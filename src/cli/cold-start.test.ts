// What keeps the CLI's cold start within its budget (docs/performance.md, "CLI cold start"): the commands that answer
// from the installed knowledge base never load the schema library (zod) or the YAML parser up front. esbuild, the
// bundler of the installed CLI, works out the modules each entry loads before its first dynamic import; this test
// reads that from its metafile, so it fails the moment a static import drags zod or yaml back in.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The inputs every statically imported chunk of `entry` holds (what loads before any dynamic import). */
async function staticInputs(entry: string): Promise<string[]> {
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    outdir: 'out',
    write: false,
    metafile: true,
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = metafile.outputs;
  const start = Object.entries(outputs).find(([, o]) => o.entryPoint === entry)?.[0];
  if (start === undefined) {
    throw new Error(`esbuild wrote no chunk for ${entry}`);
  }
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    for (const imp of outputs[path]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !imp.external && !seen.has(imp.path)) {
        seen.add(imp.path);
        queue.push(imp.path);
      }
    }
  }
  return [...seen].flatMap((p) => Object.keys(outputs[p]?.inputs ?? {}));
}

const heavy = (inputs: readonly string[]) =>
  inputs.filter((i) => /node_modules\/(zod|yaml)\//.test(i)).map((i) => i.replace(/^.*node_modules\//, ''));

describe('CLI cold start', () => {
  it.each([
    'src/cli/main.ts',
    'src/cli/commands/recommend.ts',
    'src/cli/commands/studies.ts',
    'src/cli/commands/kb.ts',
    'src/cli/kb-context.ts',
  ])('%s loads neither zod nor yaml before its first dynamic import', async (entry) => {
    const inputs = await staticInputs(entry);
    expect(inputs.length).toBeGreaterThan(0);
    expect(heavy(inputs)).toEqual([]);
  });

  it('sees zod where it is needed (kb check), so the check above can fail', async () => {
    expect(heavy(await staticInputs('src/cli/commands/kb-check.ts')).some((i) => i.startsWith('zod/'))).toBe(
      true,
    );
  });
});
