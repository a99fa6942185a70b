/**
 * The writer thread: owns the SQLite store's only writing connection. Requests arrive on a MessagePort; everything
 * that arrived while the previous commit was on its way to the disk is applied as the next batch, so audit rows and
 * JWT ids are group-committed without a timer and the server's event loop never waits for an fsync. Retention
 * (expired JWT ids, audit rows older than the configured days) runs here at most once a minute.
 * @module
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { describeError } from './records.js';
import {
  applyBatch,
  openConnection,
  prepareWrites,
  type WriterData,
  type WriterReply,
  type WriterRequest,
} from './writer.js';

const { path, busyTimeoutMs, retentionDays, state, port } = workerData as WriterData & {
  readonly port: MessagePort;
};
const PRUNE_EVERY_MS = 60_000;

function send(reply: WriterReply): void {
  port.postMessage(reply);
}

/** Tells a waiting `close` where the writer is (1 = ready, 2 = closed). */
function signal(value: 1 | 2): void {
  Atomics.store(state, 0, value);
  Atomics.notify(state, 0);
}

let db: ReturnType<typeof openConnection>;
let writes: ReturnType<typeof prepareWrites>;
try {
  db = openConnection(path, busyTimeoutMs);
  writes = prepareWrites(db);
  send({ kind: 'ready' });
  signal(1);
} catch (error) {
  send({ kind: 'fatal', error: describeError(error) });
  signal(2);
  port.close();
  throw error;
}

let lastPrune = 0;
function pruneIfDue(): void {
  const now = Date.now();
  if (now - lastPrune < PRUNE_EVERY_MS) {
    return;
  }
  lastPrune = now;
  try {
    writes.prune(Math.floor(now / 1000), new Date(now - retentionDays * 86_400_000).toISOString());
  } catch (error) {
    send({ kind: 'problem', error: describeError(error) });
  }
}

let queue: WriterRequest[] = [];
let scheduled = false;

function drain(): void {
  scheduled = false;
  const batch = queue;
  queue = [];
  const close = batch.some((r) => r.kind === 'close');
  try {
    for (const reply of applyBatch(writes, batch)) {
      send(reply);
    }
    if (!close) {
      pruneIfDue();
    }
  } finally {
    if (close) {
      db.close();
      signal(2);
      port.close();
    }
  }
}

port.on('message', (request: WriterRequest) => {
  queue.push(request);
  if (request.kind === 'close') {
    // Close synchronously: the server's thread is waiting (Atomics.wait) and will not deliver more messages.
    drain();
    return;
  }
  if (!scheduled) {
    scheduled = true;
    setImmediate(drain);
  }
});
