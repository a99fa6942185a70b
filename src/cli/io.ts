/**
 * The CLI's only contact with the terminal, injectable so commands can be tested in-process.
 * @module
 */

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal (colour, progress). */
  readonly isTty: boolean;
}

export const processIo: Io = {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
  isTty: process.stdout.isTTY === true,
};

/** A failure the user can act on: printed as one line, never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
