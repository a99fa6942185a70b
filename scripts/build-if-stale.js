#!/usr/bin/env node
// `npm start` runs this first: builds dist/ when it is missing or older than any source file, so a fresh clone or an
// edited checkout serves current code, and an up-to-date one starts without waiting for the compiler.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'main.js');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      latest = Math.max(latest, newest(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      latest = Math.max(latest, statSync(path).mtimeMs);
    }
  }
  return latest;
}

if (!existsSync(built) || statSync(built).mtimeMs < newest(join(root, 'src'))) {
  process.stderr.write('frontline: building (dist/ is missing or older than src/)…\n');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
