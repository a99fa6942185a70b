/**
 * The real server as a child process (`node bin/frontline.js serve`) on loopback with its own database file, for
 * load and crash tests: what an operator runs, not an in-process stand-in.
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './machine.js';

export interface ServerChild {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves when the process has exited (code or signal). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `frontline serve --port 0` and resolves with its URL once it listens.
 * @param db - the SQLite file or PostgreSQL URL
 * @param logFile - where its stderr (one JSON line per request) goes
 * @param port - the port to listen on (0: any free one)
 */
export function startServerChild(
  db: string,
  logFile: string,
  env: NodeJS.ProcessEnv = {},
  port = 0,
): Promise<ServerChild> {
  const err = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'frontline.js'), 'serve', '--port', String(port), '--host', '127.0.0.1', '--db', db],
    { cwd: ROOT, stdio: ['ignore', 'pipe', err], env: { ...process.env, ...env } },
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within 30 s; stdout: ${out}`));
    }, 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match?.[1] !== undefined && child.pid !== undefined) {
        clearTimeout(timer);
        resolve({ url: match[1], pid: child.pid, child, exited });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening; see ${logFile}`));
    });
  });
}

/** Stops the server gracefully (SIGTERM), waiting at most `ms`, then SIGKILL. */
export async function stopServerChild(s: ServerChild, ms = 15_000): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) {
    return;
  }
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), ms);
  await s.exited;
  clearTimeout(timer);
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat (Linux). */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / 100;
  } catch {
    return undefined;
  }
}
