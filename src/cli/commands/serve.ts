/**
 * `frontline serve`: the web app, the REST API and the CDS Hooks service on one port, until SIGINT/SIGTERM.
 * @module
 */
import { recommend } from '../../api/recommend.js';
import { resolveServeConfig, type ServeFlags } from '../../server/config.js';
import { stderrLogger } from '../../server/log.js';
import { startServer } from '../../server/start.js';
import { CliError, type Io } from '../io.js';
import { installedEngineKb } from '../kb-context.js';

export async function serveCommand(io: Io, flags: ServeFlags): Promise<number> {
  const resolved = resolveServeConfig(flags, process.env);
  if (!resolved.ok) {
    throw new CliError(resolved.errors.join('\n'));
  }
  const kb = await installedEngineKb();
  // The signal handlers go in before the server starts: a SIGINT that arrives between "listening on" and the
  // end of start-up still shuts down gracefully instead of killing the process with the store open.
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let stopping = false;
  const close = (s: NonNullable<typeof server>): void => {
    s.close().then(
      () => {
        process.exitCode = 0;
      },
      () => {
        process.exitCode = 1;
      },
    );
  };
  const stop = (signal: string): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    io.err(`frontline: ${signal}: shutting down\n`);
    if (server !== undefined) {
      close(server);
    }
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  try {
    server = await startServer(resolved.config, {
      kb,
      recommend,
      log: stderrLogger,
      say: (line) => io.out(`${line}\n`),
      warn: (line) => io.err(`${line}\n`),
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message =
      code === 'EADDRINUSE'
        ? `port ${resolved.config.port} is already in use`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new CliError(`cannot start: ${message}`, 1);
  }
  if (stopping) {
    close(server);
  }
  return 0;
}
