/**
 * The `frontline` command line: a thin shell over the library. Every command reports bad input as one clear line
 * with a non-zero exit, never a stack trace.
 * @module
 */
import { Command, CommanderError } from 'commander';
import { CliError, type Io } from './io.js';
import { REGISTRATIONS } from './registry.js';
import { packageVersion } from './version.js';

export type Register = (program: Command, io: Io, done: (code: number) => void) => void;

const registrations: readonly Register[] = REGISTRATIONS;

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command('frontline')
    .description(
      "Frontline: immunotherapy options for newly diagnosed ALL, from Dias & Litzow's review.\nDecision support, not a substitute for clinical judgment.",
    )
    .version(`frontline ${packageVersion()}`, '-V, --version', 'print the version of Frontline')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => {
        io.out(s);
      },
      writeErr: (s) => {
        io.err(s);
      },
    });
  const done = (c: number): void => {
    code = c;
  };
  for (const register of registrations) {
    register(program, io, done);
  }
  for (const sub of program.commands) {
    sub.exitOverride();
    for (const nested of sub.commands) {
      nested.exitOverride();
    }
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed its message (unknown option, missing argument, --help, --version)
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      io.err(`frontline: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`frontline: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 70;
  }
}
