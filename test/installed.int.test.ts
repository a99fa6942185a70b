// The command as installed: `node bin/frontline.js`, which runs the esbuild bundle in dist/bundle/ that `npm install`
// builds (not the TypeScript source the other tests run). Its answers must be the source's, and the parts that start
// worker threads (screen on workers, the server's store writer) must find their worker modules inside the bundle.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../src/api/recommend.js';
import { PROJECT_ROOT } from '../src/kb/index.js';
import { installedCompiledKb } from './support/kb.js';
import { patientViewRequest } from './support/prefetch.js';
import { example, fhirExample } from './support/spec-examples.js';

const run = promisify(execFile);
const BIN = join(PROJECT_ROOT, 'bin', 'frontline.js');
const BUNDLE = join(PROJECT_ROOT, 'dist', 'bundle', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'frontline-installed-'));
const children: ChildProcess[] = [];

beforeAll(() => {
  if (!existsSync(BUNDLE)) {
    throw new Error(`${BUNDLE} is missing: run \`npm run build\` (npm test does) before these tests`);
  }
});
afterAll(() => {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

async function frontline(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await run(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 2 ** 20,
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: e.stdout ?? '', err: e.stderr ?? '' };
  }
}

describe('the installed command (dist/bundle)', { timeout: 120_000 }, () => {
  it('recommends exactly what the source does, on the quick path and the full one', async () => {
    const ckb = installedCompiledKb();
    const flags = ['--age', '45', '--lineage', 'B', '--ph', 'negative', '--cd20', '30', '--mrd', '0.001'];
    const quick = await frontline(['recommend', ...flags, '--json']);
    expect(quick.code).toBe(0);
    const expected = recommend(
      { age: 45, lineage: 'B', ph: 'negative', cd20Percent: 30, mrd: { value: 0.001 } },
      ckb,
    );
    expect(expected.ok).toBe(true);
    expect(JSON.parse(quick.out)).toEqual(expected.ok ? expected.decision : undefined);

    // A FHIR Bundle and a bad profile take the full path (the schema library loaded on demand).
    const bundleFile = join(dir, 'bundle.json');
    const bundle = fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json');
    writeFileSync(bundleFile, JSON.stringify(bundle));
    const full = await frontline(['recommend', bundleFile, '--json']);
    expect(full.code).toBe(0);
    const fromSource = recommend(bundle, ckb);
    expect(JSON.parse(full.out)).toEqual(fromSource.ok ? fromSource.decision : undefined);
    const bad = await frontline(['recommend', '--age', '130', '--lineage', 'B']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('age: age is in years, from 0 to 120');
    expect(bad.err).not.toMatch(/\n\s+at /);
  });

  it('screens on worker threads with the same results as on one thread', async () => {
    const cohort = join(dir, 'cohort.ndjson');
    const lines = Array.from({ length: 300 }, (_, i) =>
      i === 7
        ? '{"id": "bad", "profile": {"lineage": "B", "age": -1}}'
        : JSON.stringify({
            id: `P${i}`,
            profile: {
              lineage: i % 3 === 0 ? 'T' : 'B',
              age: 18 + (i % 60),
              ph: i % 2 === 0 ? 'positive' : 'negative',
            },
          }),
    );
    writeFileSync(cohort, `${lines.join('\n')}\n`);
    const screen = async (workers: string) => {
      const out = join(dir, `results-${workers}.ndjson`);
      const r = await frontline(['screen', cohort, '--out', out], { FRONTLINE_SCREEN_WORKERS: workers });
      return { ...r, results: readFileSync(out, 'utf8') };
    };
    const [one, two] = [await screen('0'), await screen('2')];
    expect(two.err).toContain('line 8: age');
    expect(two.results.trim().split('\n')).toHaveLength(300);
    expect(two.results).toBe(one.results);
  });

  it('serves, and acknowledges feedback only once its writer thread has committed it', async () => {
    const db = join(dir, 'installed.db');
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db], {
      cwd: dir,
      env: { ...process.env, PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const end = Date.now() + 60_000;
    while (!/listening on http:\/\/\S+/.test(out)) {
      if (child.exitCode !== null || Date.now() > end) {
        throw new Error(`the installed server did not start (exit ${child.exitCode}); stdout: ${out}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const url = /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? '';
    // Feedback is accepted for cards the service issued: a call first, then feedback on its first card.
    const call = await fetch(`${url}/cds-services/frontline-all`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patientViewRequest(fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json'))),
    });
    const card = ((await call.json()) as { cards: { uuid: string }[] }).cards[0]?.uuid;
    const entry = (example('feedback-accepted.json') as { feedback: Record<string, unknown>[] }).feedback[0];
    const res = await fetch(`${url}/cds-services/frontline-all/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ feedback: [{ ...entry, card }] }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: 1, duplicates: 0 });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    const check = await run(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(db)},{readonly:true});console.log(d.prepare('SELECT COUNT(*) AS n FROM feedback').get().n)`,
      ],
      { cwd: PROJECT_ROOT },
    );
    expect(check.stdout.trim()).toBe('1');
  });
});
