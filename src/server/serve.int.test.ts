// `frontline serve` as a process: prints the URL, the KB version and the JWT warning; answers; shuts down
// gracefully on SIGTERM with the store closed (the WAL file is checkpointed away).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../kb/index.js';

// The child runs in a temporary folder, so the TypeScript loader is given by absolute URL.
const TSX = pathToFileURL(join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'frontline-serve-'));
const children: ChildProcess[] = [];
afterAll(() => {
  // A child left running by a failed assertion is stopped here (only the processes this file started).
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

function start(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; out: () => string; err: () => string } {
  const child = spawn(
    process.execPath,
    ['--import', TSX, join(PROJECT_ROOT, 'src/cli/main.ts'), 'serve', ...args],
    {
      cwd: dir,
      env: { ...process.env, ...env, PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return { child, out: () => out, err: () => err };
}

// Generous: under a full parallel test run the child compiles the CLI on a busy machine.
async function until(check: () => boolean, child?: ChildProcess, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (child !== undefined && child.exitCode !== null) {
      throw new Error(`the server exited with ${child.exitCode} before it was ready`);
    }
    if (Date.now() > end) {
      throw new Error('timed out');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('frontline serve', { timeout: 120_000 }, () => {
  it('starts, answers, logs JSON lines, and shuts down gracefully on SIGTERM', async () => {
    const db = join(dir, 'serve.db');
    const s = start(['--port', '0', '--db', db]);
    // The two start-up lines are separate writes: wait for both.
    await until(() => /listening on (http:\/\/\S+)[\s\S]*knowledge base/.test(s.out()), s.child);
    const url = /listening on (http:\/\/\S+)/.exec(s.out())?.[1] ?? '';
    expect(s.out()).toMatch(/knowledge base kb-[0-9a-f]+/);
    // The warning goes to stderr, a second pipe: it may be read after stdout's lines on a busy machine.
    await until(() => s.err().includes('JWT checking is OFF'), s.child);
    const health = (await (await fetch(`${url}/api/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    await until(() => s.err().includes('"route":"/api/health"'));
    const line =
      s
        .err()
        .split('\n')
        .find((l) => l.includes('"route":"/api/health"')) ?? '{}';
    expect(JSON.parse(line)).toMatchObject({
      msg: 'request',
      method: 'GET',
      route: '/api/health',
      status: 200,
    });
    const exited = new Promise<number | null>((resolve) => s.child.on('exit', resolve));
    s.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(`${db}-wal`)).toBe(false);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });

  it('creates ./frontline.db in the working folder by default, and refuses a bad port with a clear message', async () => {
    const bad = start(['--port', 'eighty']);
    // 'close', not 'exit': only then has all of the child's output been read.
    const code = await new Promise<number | null>((resolve) => bad.child.on('close', resolve));
    expect(code).toBe(2);
    expect(bad.err()).toContain('--port/PORT must be a whole number');
    expect(bad.err()).not.toMatch(/\n\s+at /);

    const s = start(['--port', '0'], { FRONTLINE_DB: '' });
    await until(() => /listening on/.test(s.out()), s.child);
    expect(existsSync(join(dir, 'frontline.db'))).toBe(true);
    const exited = new Promise<number | null>((resolve) => s.child.on('exit', resolve));
    s.child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses to listen on a non-loopback address without JWT, and answers 421 to a foreign Host on loopback', async () => {
    const exposed = start(['--port', '0', '--host', '0.0.0.0', '--db', join(dir, 'exposed.db')]);
    const code = await new Promise<number | null>((resolve) => exposed.child.on('close', resolve));
    expect(code).toBe(1);
    expect(exposed.err()).toContain('--insecure');
    expect(exposed.out()).not.toContain('listening on');

    const s = start(['--port', '0', '--db', join(dir, 'host.db')]);
    await until(() => /listening on/.test(s.out()), s.child);
    const url = new URL(/listening on (http:\/\/\S+)/.exec(s.out())?.[1] ?? '');
    const statusWithHost = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { host: url.hostname, port: url.port, path: '/api/health', headers: { host } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await statusWithHost('evil.example')).toBe(421);
    expect(await statusWithHost(`localhost:${url.port}`)).toBe(200);
    const exited = new Promise<number | null>((resolve) => s.child.on('exit', resolve));
    s.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
