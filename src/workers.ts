/**
 * Starting a worker thread from a module of this package: the compiled `.js` beside the caller, or, when the caller
 * runs from TypeScript source (tests, tsx), the `.ts` module through tsx's loader. If the TypeScript module cannot
 * load, `onLoadFailure` runs inside the worker first (e.g. to release a thread waiting on it).
 * @module
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MessagePort, Worker } from 'node:worker_threads';

/**
 * @param callerUrl - `import.meta.url` of the module starting the worker
 * @param name - the worker module's file name without extension, beside the caller (e.g. `writer-worker`)
 * @param workerData - passed to the worker
 * @param transferList - ports moved to the worker
 * @param onLoadFailure - JavaScript source run in the worker if the TypeScript module fails to load
 */
export function startWorker(
  callerUrl: string,
  name: string,
  workerData: unknown,
  transferList: readonly MessagePort[] = [],
  onLoadFailure = '',
): Worker {
  if (!callerUrl.endsWith('.ts')) {
    return new Worker(new URL(`./${name}.js`, callerUrl), { workerData, transferList: [...transferList] });
  }
  const require = createRequire(callerUrl);
  const api = pathToFileURL(
    join(dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs'),
  );
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const code = [
    "const { workerData } = require('node:worker_threads');",
    `import(${JSON.stringify(api.href)})`,
    `  .then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(callerUrl)}))`,
    `  .catch((error) => { ${onLoadFailure}; throw error; });`,
  ].join('\n');
  return new Worker(code, { eval: true, workerData, transferList: [...transferList] });
}
