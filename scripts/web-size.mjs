#!/usr/bin/env node
// `npm run size:web`: the web app's JavaScript as served (web/dist/assets/*.js), raw and gzip-compressed (zlib
// level 9, what a compressing proxy sends), the first screen's share (the scripts index.html loads), and the total
// against the 250 KB gzip budget (PRODUCT.md targets). Exits 1 over budget. Run after `npm run build:web`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');
const assets = join(dist, 'assets');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]));

const kb = (n) => n / 1024;
const rows = readdirSync(assets)
  .filter((f) => f.endsWith('.js'))
  .map((file) => {
    const bytes = readFileSync(join(assets, file));
    return {
      file,
      raw: kb(bytes.length),
      gzip: kb(gzipSync(bytes, { level: 9 }).length),
      initial: initial.has(file),
    };
  })
  .sort((a, b) => b.gzip - a.gzip);

const total = rows.reduce((s, r) => s + r.gzip, 0);
const first = rows.filter((r) => r.initial).reduce((s, r) => s + r.gzip, 0);
for (const r of rows) {
  process.stdout.write(
    `${r.file.padEnd(36)} ${r.raw.toFixed(1).padStart(8)} KB raw ${r.gzip.toFixed(1).padStart(7)} KB gzip${r.initial ? '  (first screen)' : ''}\n`,
  );
}
process.stdout.write(
  `total JavaScript: ${total.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB); first screen: ${first.toFixed(1)} KB gzip\n`,
);
process.stdout.write(
  `${JSON.stringify({ totalGzipKb: Number(total.toFixed(1)), firstScreenGzipKb: Number(first.toFixed(1)), budgetKb: BUDGET_KB })}\n`,
);
if (total > BUDGET_KB) {
  process.stderr.write(`web app JavaScript is over budget: ${total.toFixed(1)} KB gzip > ${BUDGET_KB} KB\n`);
  process.exit(1);
}
