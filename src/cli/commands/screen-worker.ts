/**
 * A screening worker: loads the installed knowledge base once, then screens batches of NDJSON lines sent by
 * `frontline screen` (parallel mode) and answers each with its output text, error lines and counts.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { installedEngineKb } from '../kb-context.js';
import { type OutFormat, type RawLine, screenLines } from './screen-batch.js';

/** A batch to screen. */
export interface WorkerBatch {
  readonly id: number;
  readonly lines: readonly RawLine[];
  readonly outFormat: OutFormat;
}

const ckb = await installedEngineKb();
parentPort?.on('message', (batch: WorkerBatch) => {
  try {
    parentPort?.postMessage({ id: batch.id, result: screenLines(batch.lines, ckb, batch.outFormat) });
  } catch (error) {
    parentPort?.postMessage({ id: batch.id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort?.postMessage({ ready: true });
