// A private PostgreSQL cluster for tests and the deployment test: initdb in a temporary folder, pg_ctl start on a
// free loopback port, pg_ctl stop and the folder removed at the end. PostgreSQL refuses to run as root, so as root
// (CI) the cluster belongs to the `postgres` OS user and every command runs through `runuser`.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's PostgreSQL 15 keeps its server binaries. */
export const PG_BIN = process.env.FRONTLINE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** True when the PostgreSQL server binaries are on this machine. */
export function hasPostgres(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

/** A running private cluster. */
export interface TestPostgres {
  /** `postgres://frontline@127.0.0.1:PORT/frontline` */
  readonly url: string;
  readonly port: number;
  /** The server's main process id (from postmaster.pid). */
  postmasterPid(): number;
  /** Another database on the same cluster (for a fresh schema). */
  database(name: string): Promise<string>;
  /** Stops the server (fast shutdown) without removing its data: `start` brings it back. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes the folder. */
  destroy(): Promise<void>;
}

/** A free TCP port on loopback (the OS picks; a failed start is retried on another one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The OS user PostgreSQL runs as: ourselves, or `postgres` when we are root. */
function asUser(): {
  readonly wrap: (cmd: string, args: string[]) => [string, string[]];
  readonly uid?: number;
  readonly gid?: number;
} {
  if (userInfo().uid !== 0) {
    return { wrap: (cmd, args) => [cmd, args] };
  }
  return {
    wrap: (cmd, args) => ['runuser', ['-u', 'postgres', '--', cmd, ...args]],
    uid: Number(process.env.FRONTLINE_PG_UID ?? idOf('-u')),
    gid: Number(process.env.FRONTLINE_PG_GID ?? idOf('-g')),
  };
}

function idOf(flag: string): string {
  return execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim();
}

/**
 * Creates and starts a cluster with a `frontline` superuser (trust authentication on loopback only) and a
 * `frontline` database.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const user = asUser();
  const dir = mkdtempSync(join(tmpdir(), 'frontline-pg-'));
  chmodSync(dir, 0o700);
  if (user.uid !== undefined && user.gid !== undefined) {
    chownSync(dir, user.uid, user.gid);
  }
  const data = join(dir, 'data');
  const exec = async (cmd: string, args: string[]): Promise<void> => {
    const [c, a] = user.wrap(join(PG_BIN, cmd), args);
    await run(c, a, { cwd: dir, timeout: 120_000 });
  };
  await exec('initdb', ['-D', data, '-U', 'frontline', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  let port = 0;
  const options = (p: number): string =>
    `-c listen_addresses=127.0.0.1 -c port=${p} -c unix_socket_directories=${dir} -c fsync=on -c max_connections=100`;
  const logFile = join(dir, 'server.log');
  const start = async (): Promise<void> => {
    // -w: pg_ctl waits until the server accepts connections (its own readiness check, no guessing).
    await exec('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', '-o', options(port), 'start']);
  };
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await start();
      break;
    } catch (error) {
      if (attempt >= 3) {
        throw error;
      }
    }
  }
  const psql = async (sql: string): Promise<void> => {
    const [c, a] = user.wrap(join(PG_BIN, 'psql'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'frontline',
      '-d',
      'postgres',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      sql,
    ]);
    await run(c, a, { timeout: 60_000 });
  };
  await psql('CREATE DATABASE frontline');
  const url = (db: string): string => `postgres://frontline@127.0.0.1:${port}/${db}`;
  let stopped = false;
  return {
    url: url('frontline'),
    port,
    postmasterPid: () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    async database(name) {
      await psql(`CREATE DATABASE ${name}`);
      return url(name);
    },
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    start,
    async destroy() {
      if (!stopped) {
        stopped = true;
        await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
