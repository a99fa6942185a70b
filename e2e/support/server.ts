// The real Frontline server (`frontline serve`, the built CLI) as a child process on a free loopback port, with a
// temporary SQLite file, serving the built web app from web/dist.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_DIST = join(ROOT, 'web', 'dist');

export interface Server {
  readonly url: string;
  stop(): Promise<void>;
}

/** Why the server cannot start from this checkout, or undefined when it can. */
export function notBuilt(): string | undefined {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    return 'dist/ is missing: run `npm run build` first';
  }
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    return 'web/dist/index.html is missing: run `npm run build` (or `npm run build:web`) first';
  }
  return undefined;
}

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`the server did not start in ${timeoutMs} ms:\n${out}${err}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${out}${err}`));
    });
  });
}

/**
 * Starts `frontline serve --port 0` and waits for its URL.
 * @param extraArgs - more `serve` flags (the SMART launch test gives its client id and issuers)
 */
export async function startServer(extraArgs: readonly string[] = []): Promise<Server> {
  const problem = notBuilt();
  if (problem !== undefined) {
    throw new Error(problem);
  }
  const dir = mkdtempSync(join(tmpdir(), 'frontline-e2e-'));
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'frontline.js'),
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--db',
      join(dir, 'frontline.db'),
      '--web-dir',
      WEB_DIST,
      ...extraArgs,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FRONTLINE_FHIR_FETCH: 'off' } },
  );
  let url: string;
  try {
    url = await waitForUrl(child, 20_000);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = (): void => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) {
          done();
          return;
        }
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
