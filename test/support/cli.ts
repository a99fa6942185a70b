// The CLI in-process, as the tests drive it: `frontline ARGV` with its output captured and no terminal.
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `frontline ...argv` in this process and returns the exit code and what it printed. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    isTty: false,
  };
  const code = await run(argv, io);
  return { code, out, err };
}
