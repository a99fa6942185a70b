/**
 * The embedded store: one SQLite file (better-sqlite3), WAL journal, `synchronous = FULL` so a commit is on disk
 * when it returns, a busy timeout so a second process on the same file waits instead of failing.
 *
 * Every write goes to a writer thread (`writer-worker.ts`) that owns the only writing connection, so the server's
 * event loop never blocks on the disk:
 * - CDS audit rows are write-behind: `recordCall` queues the row and the caller does not wait; rows that arrive
 *   while a commit is on its way to the disk are group-committed in the next transaction (typically within a few
 *   milliseconds). The returned promise resolves once the row is durable, for whoever needs to know (tests, `flush`).
 * - Feedback is acknowledged only after its own transaction has committed: `recordFeedback` resolves then.
 * - Seen JWT ids are checked in memory (loaded from the file at open) and written behind.
 * @module
 */
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { startWorker } from '../../workers.js';
import { migrate } from './migrations.js';
import type { CallAudit, FeedbackRecord, FeedbackWrite } from './records.js';
import { type JtiRow, openConnection, type WriterReply, type WriterRequest } from './writer.js';

/** The store as the server uses it. */
export interface Store {
  /** Queues a CDS call's audit row (write-behind); the promise resolves once the row is durable. */
  recordCall(call: CallAudit): Promise<void>;
  /** Stores feedback idempotently (card uuid + outcome + timestamp); resolves once its transaction is durable. */
  recordFeedback(records: readonly FeedbackRecord[]): Promise<FeedbackWrite>;
  /** Remembers a JWT id until it expires; false when it was already seen (a replay). */
  rememberJti(iss: string, jti: string, expiresAt: number, now: number): boolean;
  /** Resolves when everything recorded so far is durable. */
  flush(): Promise<void>;
  /** True when the database answers and the writer is running. */
  healthy(): boolean;
  /** The durability settings in force (for diagnostics and tests). */
  settings(): { readonly journalMode: string; readonly synchronous: number };
  /** Commits every pending write and closes the file (waits for the writer thread). */
  close(): void;
  readonly path: string;
}

/** Store tuning. */
export interface StoreOptions {
  /** Milliseconds to wait for another process's write lock. */
  readonly busyTimeoutMs?: number;
  /** Longest time `close` waits for the writer to commit and close the file. */
  readonly closeTimeoutMs?: number;
  /** Longest time `close` waits for a writer that is still starting. */
  readonly startTimeoutMs?: number;
}

interface Waiter {
  readonly done: (value: FeedbackWrite | undefined) => void;
  readonly fail: (error: Error) => void;
}

/** Thrown (as a rejection) when the store is closed or its writer has stopped. */
export class StoreClosedError extends Error {
  constructor(message = 'the store is closed') {
    super(message);
    this.name = 'StoreClosedError';
  }
}

/** The writer's state in shared memory: it sets READY once its connection is open and CLOSED once it has closed. */
export const WRITER_STARTING = 0;
export const WRITER_READY = 1;
export const WRITER_CLOSED = 2;

function loadJti(db: ReturnType<typeof openConnection>): Map<string, number> {
  const seen = new Map<string, number>();
  const rows = db.prepare('SELECT iss, jti, expires_at AS exp FROM jwt_jti').all() as {
    iss: string;
    jti: string;
    exp: number;
  }[];
  for (const r of rows) {
    seen.set(`${r.iss}\u0000${r.jti}`, r.exp);
  }
  return seen;
}

/**
 * Opens (creating and migrating if needed) the store at `path`, and starts its writer thread.
 * @param path - the SQLite file (`:memory:` for tests: the writer then holds the only copy of the data)
 * @example
 *   const store = openStore(process.env.FRONTLINE_DB ?? './frontline.db');
 */
export function openStore(path: string, options: StoreOptions = {}): Store {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  // This thread's connection creates and migrates the schema (errors are thrown here, at open) and then only reads.
  const db = openConnection(path, busyTimeoutMs);
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const seenJti = loadJti(db);
  const state = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  // If the writer's module cannot load, it says so at once (state 2): `close` then does not wait for it.
  const worker = startWorker(
    'server/store/writer-worker',
    { path, busyTimeoutMs, state, port: port2 },
    [port2],
    'Atomics.store(workerData.state, 0, 2); Atomics.notify(workerData.state, 0)',
  );
  worker.unref();

  const waiters = new Map<number, Waiter>();
  let nextId = 1;
  let closed = false;
  let broken: string | undefined;
  let calls: CallAudit[] = [];
  let callWaiters: Waiter[] = [];
  let jtiRows: JtiRow[] = [];
  let prune: number | undefined;
  let scheduled = false;
  let jtiWrites = 0;

  const failAll = (error: Error): void => {
    for (const w of waiters.values()) {
      w.fail(error);
    }
    waiters.clear();
    port1.unref();
  };

  const onReply = (reply: WriterReply): void => {
    if (reply.kind === 'ready') {
      return;
    }
    if (reply.kind === 'fatal') {
      broken = reply.error;
      failAll(new StoreClosedError(`the store's writer could not open the file: ${reply.error}`));
      return;
    }
    const w = waiters.get(reply.id);
    waiters.delete(reply.id);
    if (waiters.size === 0) {
      port1.unref(); // nothing awaited: the store alone does not keep the process alive
    }
    if (reply.kind === 'done') {
      w?.done(reply.value);
    } else {
      w?.fail(new Error(reply.error));
    }
  };
  port1.on('message', onReply);
  port1.unref();
  /** Awaits the writer's answer to `id`: while anything is awaited, the port keeps the process alive. */
  const expect = (id: number, waiter: Waiter): void => {
    waiters.set(id, waiter);
    port1.ref();
  };
  worker.on('error', (error) => {
    broken = error.message;
    failAll(new StoreClosedError(`the store's writer stopped: ${error.message}`));
  });
  worker.on('exit', () => {
    if (!closed) {
      broken ??= 'exited';
      failAll(new StoreClosedError("the store's writer stopped"));
    }
  });

  const post = (request: WriterRequest): void => {
    port1.postMessage(request);
  };

  /** Sends what this turn of the event loop queued as one message of audit rows (and one of JWT ids). */
  const send = (): void => {
    scheduled = false;
    if (calls.length > 0) {
      const id = nextId++;
      const batchWaiters = callWaiters;
      expect(id, {
        done: () => {
          for (const w of batchWaiters) {
            w.done(undefined);
          }
        },
        fail: (error) => {
          for (const w of batchWaiters) {
            w.fail(error);
          }
        },
      });
      post({ kind: 'calls', id, calls });
      calls = [];
      callWaiters = [];
    }
    if (jtiRows.length > 0 || prune !== undefined) {
      post({ kind: 'jti', rows: jtiRows, ...(prune === undefined ? {} : { pruneBefore: prune }) });
      jtiRows = [];
      prune = undefined;
    }
  };
  const schedule = (): void => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(send);
    }
  };

  const unavailable = (): Error | undefined => {
    if (closed) {
      return new StoreClosedError();
    }
    return broken === undefined ? undefined : new StoreClosedError(`the store's writer stopped: ${broken}`);
  };

  const request = <T>(make: (id: number) => WriterRequest): Promise<T> =>
    new Promise<T>((done, fail) => {
      const id = nextId++;
      expect(id, { done: (v) => done(v as T), fail });
      post(make(id));
    });

  return {
    path,
    recordCall(call) {
      const error = unavailable();
      if (error !== undefined) {
        return Promise.reject(error);
      }
      return new Promise<void>((done, fail) => {
        calls.push(call);
        callWaiters.push({ done: () => done(), fail });
        schedule();
      });
    },
    recordFeedback(records) {
      const error = unavailable();
      if (error !== undefined) {
        return Promise.reject(error);
      }
      send(); // audit rows queued before this feedback go first
      return request<FeedbackWrite>((id) => ({ kind: 'feedback', id, records }));
    },
    rememberJti(iss, jti, expiresAt, now) {
      const key = `${iss}\u0000${jti}`;
      const seen = seenJti.get(key);
      if (seen !== undefined && seen >= now) {
        return false;
      }
      seenJti.set(key, expiresAt);
      jtiWrites += 1;
      if (jtiWrites % 100 === 0) {
        for (const [k, exp] of seenJti) {
          if (exp < now) {
            seenJti.delete(k);
          }
        }
        prune = now;
      }
      if (unavailable() === undefined) {
        jtiRows.push([iss, jti, expiresAt]);
        schedule();
      }
      return true;
    },
    flush() {
      const error = unavailable();
      if (error !== undefined) {
        return Promise.reject(error);
      }
      send();
      return request<void>((id) => ({ kind: 'flush', id }));
    },
    healthy() {
      if (unavailable() !== undefined) {
        return false;
      }
      try {
        return db.prepare('SELECT 1 AS ok').get() !== undefined;
      } catch {
        return false;
      }
    },
    settings() {
      return {
        journalMode: String(db.pragma('journal_mode', { simple: true })),
        synchronous: Number(db.pragma('synchronous', { simple: true })),
      };
    },
    close() {
      if (closed) {
        return;
      }
      send();
      closed = true;
      // Shutdown only: block until the writer is up (it may still be starting), then until it has committed
      // everything and closed the file. A writer that never came up has nothing to commit.
      Atomics.wait(state, 0, WRITER_STARTING, options.startTimeoutMs ?? 10_000);
      if (Atomics.load(state, 0) === WRITER_READY) {
        post({ kind: 'close' });
        Atomics.wait(state, 0, WRITER_READY, options.closeTimeoutMs ?? 30_000);
      }
      // Deliver the writer's last answers now, so every promise settles before `close` returns to its caller's turn.
      for (let m = receiveMessageOnPort(port1); m !== undefined; m = receiveMessageOnPort(port1)) {
        onReply(m.message as WriterReply);
      }
      failAll(new StoreClosedError('the store closed before this write was committed'));
      port1.close();
      db.close();
    },
  };
}
