/**
 * Progress of long work on stderr: a bar that redraws in place on a terminal, a line every 10% otherwise.
 * Throttled, so it costs nothing measurable per record.
 * @module
 */
import type { Io } from './io.js';

export class Progress {
  private bytes = 0;
  private lastDraw = 0;
  private lastDecile = -1;
  private readonly started = performance.now();
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly io: Io,
    private readonly totalBytes: number | undefined,
  ) {}

  add(bytes: number): void {
    this.bytes += bytes;
  }

  tick(records: number): void {
    const now = performance.now();
    if (now - this.lastDraw < 200) {
      return;
    }
    this.lastDraw = now;
    const fraction =
      this.totalBytes === undefined || this.totalBytes === 0
        ? undefined
        : Math.min(1, this.bytes / this.totalBytes);
    const rate = Math.round(records / Math.max(0.001, (now - this.started) / 1000));
    if (this.tty) {
      const width = 30;
      const filled = fraction === undefined ? 0 : Math.round(fraction * width);
      const bar =
        fraction === undefined
          ? ''
          : `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0)}% `;
      this.io.err(`\r${bar}${records} records, ${rate}/s`);
      return;
    }
    const decile = fraction === undefined ? -1 : Math.floor(fraction * 10);
    if (decile > this.lastDecile) {
      this.lastDecile = decile;
      this.io.err(`screen: ${decile * 10}% (${records} records, ${rate}/s)\n`);
    }
  }

  done(records: number): void {
    const seconds = (performance.now() - this.started) / 1000;
    this.io.err(
      `${this.tty ? '\r' : ''}screen: ${records} records in ${seconds.toFixed(1)} s${this.tty ? ' '.repeat(20) : ''}\n`,
    );
  }
}
