// nginx from Debian's package as the load balancer of a deployment test: the repository's deploy/nginx/frontline.conf
// with its ports rewritten, inside a minimal nginx.conf whose pid, logs and temporary files live in a temp folder.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../bench/machine.js';

const run = promisify(execFile);

/** Where Debian installs nginx. */
export const NGINX = process.env.FRONTLINE_NGINX ?? '/usr/sbin/nginx';

export function hasNginx(): boolean {
  return existsSync(NGINX);
}

/** A running nginx. */
export interface TestNginx {
  readonly url: string;
  readonly accessLog: string;
  stop(): Promise<void>;
}

/** The repository's config with the listen port and one upstream line per instance port. */
export function renderConfig(listenPort: number, upstreamPorts: readonly number[]): string {
  const conf = readFileSync(join(ROOT, 'deploy', 'nginx', 'frontline.conf'), 'utf8');
  // Only the ports change: each instance keeps the parameters (max_fails, fail_timeout, ...) the file gives its first.
  const params = /^ {4}server 127\.0\.0\.1:\d+( [^\n;]*)?;/m.exec(conf)?.[1] ?? '';
  const servers = upstreamPorts.map((p) => `    server 127.0.0.1:${p}${params};`).join('\n');
  const rendered = conf
    .replace(/(?:^ {4}server 127\.0\.0\.1:\d+ [^\n]*\n)+/m, `${servers}\n`)
    .replace(/listen 127\.0\.0\.1:\d+;/, `listen 127.0.0.1:${listenPort};`);
  if (!rendered.includes(`listen 127.0.0.1:${listenPort};`) || !rendered.includes(servers)) {
    throw new Error(
      'deploy/nginx/frontline.conf no longer has the listen and server lines the test rewrites',
    );
  }
  return rendered;
}

/** Starts nginx in the foreground (a child process) and resolves once it accepts connections. */
export async function startNginx(
  dir: string,
  listenPort: number,
  upstreamPorts: readonly number[],
): Promise<TestNginx> {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  writeFileSync(join(dir, 'frontline.conf'), renderConfig(listenPort, upstreamPorts));
  const main = [
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'logs', 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    `  client_body_temp_path ${join(dir, 'tmp-body')};`,
    `  proxy_temp_path ${join(dir, 'tmp-proxy')};`,
    `  fastcgi_temp_path ${join(dir, 'tmp-fcgi')};`,
    `  uwsgi_temp_path ${join(dir, 'tmp-uwsgi')};`,
    `  scgi_temp_path ${join(dir, 'tmp-scgi')};`,
    `  include ${join(dir, 'frontline.conf')};`,
    '}',
  ].join('\n');
  // As root nginx's workers switch to `nobody`; the logs folder must stay writable for them.
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, main);
  await run(NGINX, ['-t', '-q', '-p', dir, '-c', conf]);
  const child = spawn(NGINX, ['-p', dir, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${listenPort}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) {
      throw new Error(`nginx exited: ${err}`);
    }
    try {
      await fetch(`${url}/nginx-ready-probe`);
      break;
    } catch {
      if (i > 200) {
        child.kill('SIGKILL');
        throw new Error(`nginx did not accept connections on ${url}: ${err}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    accessLog: join(dir, 'logs', 'frontline-access.log'),
    async stop() {
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
