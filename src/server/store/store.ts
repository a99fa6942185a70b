/**
 * The store interface, and its embedded implementation: one SQLite file (better-sqlite3), WAL journal,
 * `synchronous = FULL` so a commit is on disk when it returns, IMMEDIATE write transactions and a busy timeout so a
 * second process on the same file waits instead of failing. The PostgreSQL implementation (`postgres-store.ts`)
 * keeps the same contract.
 *
 * Every write goes to a writer thread (`writer-worker.ts`) that owns the only writing connection, so the server's
 * event loop never blocks on the disk:
 * - CDS audit rows (and the uuids of the cards issued) are write-behind: `recordCall` queues the row and the caller
 *   does not wait; rows that arrive while a commit is on its way to the disk are group-committed in the next
 *   transaction (typically within a few milliseconds). The promise resolves once the row is durable.
 * - A JWT id is inserted (group-committed with the audit rows) before the token is accepted: `rememberJti` resolves
 *   once the row is on disk, and the primary key rejects a duplicate from any process on the same file.
 * - Feedback is acknowledged only after its own transaction has committed: `recordFeedback` resolves then.
 * @module
 */
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { startWorker } from '../../workers.js';
import { migrate } from './migrations.js';
import type { CallAudit, FeedbackRecord, FeedbackResult, StoreHealth } from './records.js';
import { openConnection, quickCheck, type WriterReply, type WriterRequest } from './writer.js';

/** The store as the server uses it (SQLite or PostgreSQL). */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data is: the file, or the PostgreSQL URL without its password. */
  readonly location: string;
  /** Queues a CDS call's audit row and issued card uuids (write-behind); resolves once they are durable. */
  recordCall(call: CallAudit): Promise<void>;
  /**
   * Stores feedback idempotently (card uuid + outcome + timestamp); resolves once its transaction is durable. A batch
   * naming a card this service never issued is refused whole (`unknownCards`), nothing stored.
   */
  recordFeedback(records: readonly FeedbackRecord[]): Promise<FeedbackResult>;
  /**
   * Records a JWT id until `expiresAt` (seconds); resolves true once the row is durable, false when the id is
   * already held by a live row (a replay, from whichever process). Rejects when the store cannot record it.
   */
  rememberJti(iss: string, jti: string, expiresAt: number, now: number): Promise<boolean>;
  /** Resolves when everything recorded so far is durable. */
  flush(): Promise<void>;
  /** How the store is doing: reachable, and whether the latest write failed. */
  health(): Promise<StoreHealth>;
  /** Commits every pending write and closes (waits for the writer). */
  close(): Promise<void>;
}

/** The SQLite store, with its file and durability settings. */
export interface SqliteStore extends Store {
  readonly kind: 'sqlite';
  readonly path: string;
  /** The durability settings in force (for diagnostics and tests). */
  settings(): { readonly journalMode: string; readonly synchronous: number };
}

/** Store tuning. */
export interface StoreOptions {
  /** Milliseconds to wait for another process's write lock. */
  readonly busyTimeoutMs?: number;
  /** Longest time `close` waits for the writer to commit and close the file. */
  readonly closeTimeoutMs?: number;
  /** Longest time `close` waits for a writer that is still starting. */
  readonly startTimeoutMs?: number;
  /** Audit rows older than this many days are deleted (default 365). */
  readonly retentionDays?: number;
}

/** The audit retention when none is configured, in days. */
export const DEFAULT_RETENTION_DAYS = 365;

interface Waiter {
  readonly done: (value: FeedbackResult | boolean | undefined) => void;
  readonly fail: (error: Error) => void;
}

/** Thrown (as a rejection) when the store is closed or its writer has stopped. */
export class StoreClosedError extends Error {
  constructor(message = 'the store is closed') {
    super(message);
    this.name = 'StoreClosedError';
  }
}

/** A write the database refused; the message carries the database's error code. */
export class StoreWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreWriteError';
  }
}

/** The writer's state in shared memory: it sets READY once its connection is open and CLOSED once it has closed. */
export const WRITER_STARTING = 0;
export const WRITER_READY = 1;
export const WRITER_CLOSED = 2;

/**
 * Opens (creating with mode 0600 and migrating if needed) the store at `path`, checks it (`quick_check`: a damaged
 * file is refused with `StoreCorruptError`), and starts its writer thread.
 * @param path - the SQLite file (`:memory:` for tests: the writer then holds the only copy of the data)
 * @example
 *   const store = openStore(process.env.FRONTLINE_DB ?? './frontline.db');
 */
export function openStore(path: string, options: StoreOptions = {}): SqliteStore {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  // This thread's connection checks, creates and migrates the schema (errors are thrown here, at open), then reads.
  const db = openConnection(path, busyTimeoutMs);
  try {
    quickCheck(db, path);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const state = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  // If the writer's module cannot load, it says so at once (state 2): `close` then does not wait for it.
  const worker = startWorker(
    'server/store/writer-worker',
    {
      path,
      busyTimeoutMs,
      retentionDays: options.retentionDays ?? DEFAULT_RETENTION_DAYS,
      state,
      port: port2,
    },
    [port2],
    'Atomics.store(workerData.state, 0, 2); Atomics.notify(workerData.state, 0)',
  );
  worker.unref();

  const waiters = new Map<number, Waiter>();
  let nextId = 1;
  let closed = false;
  let broken: string | undefined;
  let lastError: { readonly error: string; readonly since: string } | undefined;
  let calls: CallAudit[] = [];
  let callWaiters: Waiter[] = [];
  let scheduled = false;

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
    if (reply.kind === 'problem') {
      lastError = { error: reply.error, since: new Date().toISOString() };
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
      lastError = undefined;
      w?.done(reply.value);
    } else {
      lastError = { error: reply.error, since: new Date().toISOString() };
      w?.fail(new StoreWriteError(reply.error));
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

  /** Sends what this turn of the event loop queued as one message of audit rows. */
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

  const request = <T>(make: (id: number) => WriterRequest): Promise<T> => {
    const error = unavailable();
    if (error !== undefined) {
      return Promise.reject(error);
    }
    return new Promise<T>((done, fail) => {
      const id = nextId++;
      expect(id, { done: (v) => done(v as T), fail });
      post(make(id));
    });
  };

  return {
    kind: 'sqlite',
    location: path,
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
      send(); // audit rows (and their card uuids) queued before this feedback go first
      return request<FeedbackResult>((id) => ({ kind: 'feedback', id, records }));
    },
    rememberJti(iss, jti, expiresAt, now) {
      return request<boolean>((id) => ({ kind: 'jti', id, claim: { iss, jti, expiresAt, now } }));
    },
    flush() {
      send();
      return request<void>((id) => ({ kind: 'flush', id }));
    },
    health() {
      if (unavailable() !== undefined) {
        return Promise.resolve({ state: 'unavailable', error: broken ?? 'the store is closed' });
      }
      if (lastError !== undefined) {
        return Promise.resolve({ state: 'degraded', ...lastError });
      }
      try {
        db.prepare('SELECT 1 AS ok').get();
        return Promise.resolve({ state: 'ok' });
      } catch (error) {
        return Promise.resolve({ state: 'unavailable', error: String(error) });
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
        return Promise.resolve();
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
      return Promise.resolve();
    },
  };
}
