// Bundles the `frontline` command into dist/bundle/ (esbuild, code-split so each command loads only its own code):
// one file per chunk instead of hundreds of modules keeps the CLI's cold start within its 300 ms budget. Worker
// entry points keep their src/ paths (dist/bundle/server/store/writer-worker.js ...), which src/workers.ts expects.
// better-sqlite3 stays external: it is a native addon. bin/frontline.js prefers this bundle over dist/cli/main.js.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts', 'src/cli/commands/screen-worker.ts', 'src/server/store/writer-worker.ts'],
  outbase: 'src',
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3'],
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __frontlineRequire } from 'node:module'; const require = __frontlineRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
process.stderr.write('bundle-cli: wrote dist/bundle/\n');
