#!/usr/bin/env node
// `npm start` runs this first: builds dist/ when it is missing or older than any source file, and the web app
// (web/dist) when it is missing or older than web/, so a fresh clone or an edited checkout serves current code, and
// an up-to-date one starts without waiting for the compiler.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The compiled tree and the CLI bundle (which bin/frontline.js runs): both must be newer than src/.
const built = [join(root, 'dist', 'cli', 'main.js'), join(root, 'dist', 'bundle', 'cli', 'main.js')];
const webBuilt = join(root, 'web', 'dist', 'index.html');

function newest(dir, source = /\.ts$/) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      latest = Math.max(latest, newest(path, source));
    } else if (source.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      latest = Math.max(latest, statSync(path).mtimeMs);
    }
  }
  return latest;
}

function webSources() {
  return Math.max(
    newest(join(root, 'web', 'src'), /\.(ts|tsx|css)$/),
    statSync(join(root, 'web', 'index.html')).mtimeMs,
    statSync(join(root, 'web', 'vite.config.ts')).mtimeMs,
  );
}

const sources = newest(join(root, 'src'));
if (built.some((file) => !existsSync(file) || statSync(file).mtimeMs < sources)) {
  process.stderr.write('frontline: building (dist/ is missing or older than src/)…\n');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
} else if (!existsSync(webBuilt) || statSync(webBuilt).mtimeMs < webSources()) {
  process.stderr.write('frontline: building the web app (web/dist is missing or older than web/)…\n');
  execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
}
