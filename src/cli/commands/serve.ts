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
  let server: Awaited<ReturnType<typeof startServer>>;
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
  const stop = (signal: string): void => {
    io.err(`frontline: ${signal}: shutting down\n`);
    server.close().then(
      () => {
        process.exitCode = 0;
      },
      () => {
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return 0;
}
