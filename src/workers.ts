/**
 * Starting a worker thread from a module of this package. Worker modules are named by their path under `src/`
 * (e.g. `server/store/writer-worker`) and resolved against this module's own folder, which is the root of whichever
 * tree is running: `src/` (tests, tsx: the `.ts` module through tsx's loader), `dist/` (the compiled tree) or
 * `dist/bundle/` (the bundled CLI, whose worker entry points keep their `src/` paths). If the TypeScript module cannot
 * load, `onLoadFailure` runs inside the worker first (e.g. to release a thread waiting on it).
 * @module
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MessagePort, Worker } from 'node:worker_threads';

/**
 * @param modulePath - the worker module's path under `src/` without extension (e.g. `server/store/writer-worker`)
 * @param workerData - passed to the worker
 * @param transferList - ports moved to the worker
 * @param onLoadFailure - JavaScript source run in the worker if the TypeScript module fails to load
 */
export function startWorker(
  modulePath: string,
  workerData: unknown,
  transferList: readonly MessagePort[] = [],
  onLoadFailure = '',
): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    return new Worker(new URL(`./${modulePath}.js`, here), { workerData, transferList: [...transferList] });
  }
  const require = createRequire(here);
  const api = pathToFileURL(
    join(dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs'),
  );
  const entry = new URL(`./${modulePath}.ts`, here).href;
  const code = [
    "const { workerData } = require('node:worker_threads');",
    `import(${JSON.stringify(api.href)})`,
    `  .then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}))`,
    `  .catch((error) => { ${onLoadFailure}; throw error; });`,
  ].join('\n');
  return new Worker(code, { eval: true, workerData, transferList: [...transferList] });
}
