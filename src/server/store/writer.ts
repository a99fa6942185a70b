/**
 * The store's writes, as SQL on one connection: CDS call audit rows (group-committed), feedback (each request in its
 * own transaction), JWT ids seen. Runs inside the writer thread (`writer-worker.ts`), the one connection that writes,
 * so no request ever waits on the disk on the server's event loop.
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { CallAudit, FeedbackRecord, FeedbackWrite } from './records.js';

/** A message to the writer thread. `id` is answered by a `WriterReply` with the same id. */
export type WriterRequest =
  | { readonly kind: 'calls'; readonly id: number; readonly calls: readonly CallAudit[] }
  | { readonly kind: 'feedback'; readonly id: number; readonly records: readonly FeedbackRecord[] }
  | { readonly kind: 'jti'; readonly rows: readonly JtiRow[]; readonly pruneBefore?: number }
  | { readonly kind: 'flush'; readonly id: number }
  | { readonly kind: 'close' };

/** A JWT id seen: issuer, jti, expiry (seconds). */
export type JtiRow = readonly [iss: string, jti: string, expiresAt: number];

/** The writer's answer to one request. */
export type WriterReply =
  | { readonly kind: 'done'; readonly id: number; readonly value?: FeedbackWrite }
  | { readonly kind: 'failed'; readonly id: number; readonly error: string }
  | { readonly kind: 'ready' }
  | { readonly kind: 'fatal'; readonly error: string };

/** What the writer thread is started with. */
export interface WriterData {
  readonly path: string;
  readonly busyTimeoutMs: number;
  /** The writer's state, shared with the server's thread: 0 starting, 1 ready, 2 closed (notified on change). */
  readonly state: Int32Array;
}

/** Opens a connection with the store's durability settings: WAL, `synchronous = FULL`, foreign keys. */
export function openConnection(path: string, busyTimeoutMs: number): Database.Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const db = new Database(path, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

/** The write operations on one connection. */
export interface Writes {
  writeCalls(calls: readonly CallAudit[]): void;
  writeFeedback(records: readonly FeedbackRecord[]): FeedbackWrite;
  writeJti(rows: readonly JtiRow[], pruneBefore: number | undefined): void;
  /** Audit rows and JWT ids in one transaction: one commit (one fsync) for the whole batch. */
  writeGroup(calls: readonly CallAudit[], rows: readonly JtiRow[], pruneBefore: number | undefined): void;
}

/** Prepares the store's statements on `db` (whose schema is already migrated). */
export function prepareWrites(db: Database.Database): Writes {
  const insertCall = db.prepare(
    `INSERT INTO cds_call (at, service, hook_instance, kb_version, status, outcome, option_ids, latency_ms, fetched)
     VALUES (@at, @service, @hookInstance, @kbVersion, @status, @outcome, @optionIds, @latencyMs, @fetched)`,
  );
  const insertCard = db.prepare(
    'INSERT OR IGNORE INTO cds_card (uuid, call_id, kind, subject, indicator) VALUES (?, ?, ?, ?, ?)',
  );
  const insertFeedback = db.prepare(
    `INSERT OR IGNORE INTO feedback (service, card_uuid, outcome, outcome_timestamp, accepted_suggestions,
       reason_system, reason_code, reason_display, has_comment, received_at)
     VALUES (@service, @card, @outcome, @outcomeTimestamp, @acceptedSuggestions, @reasonSystem, @reasonCode,
       @reasonDisplay, @hasComment, @receivedAt)`,
  );
  const insertJti = db.prepare('INSERT OR IGNORE INTO jwt_jti (iss, jti, expires_at) VALUES (?, ?, ?)');
  const pruneJti = db.prepare('DELETE FROM jwt_jti WHERE expires_at < ?');

  const writeCalls = db.transaction((calls: readonly CallAudit[]) => {
    for (const c of calls) {
      const { lastInsertRowid } = insertCall.run({
        at: c.at,
        service: c.service,
        hookInstance: c.hookInstance ?? null,
        kbVersion: c.kbVersion,
        status: c.status,
        outcome: c.outcome,
        optionIds: JSON.stringify(c.optionIds),
        latencyMs: c.latencyMs,
        fetched: c.fetched ? 1 : 0,
      });
      for (const card of c.cards) {
        insertCard.run(card.uuid, lastInsertRowid, card.kind, card.subject, card.indicator);
      }
    }
  });

  const writeFeedback = db.transaction((records: readonly FeedbackRecord[]): FeedbackWrite => {
    let stored = 0;
    for (const r of records) {
      stored += insertFeedback.run({
        service: r.service,
        card: r.card,
        outcome: r.outcome,
        outcomeTimestamp: r.outcomeTimestamp,
        acceptedSuggestions:
          r.acceptedSuggestions.length === 0 ? null : JSON.stringify(r.acceptedSuggestions),
        reasonSystem: r.reason?.system ?? null,
        reasonCode: r.reason?.code ?? null,
        reasonDisplay: r.reason?.display ?? null,
        hasComment: r.hasComment ? 1 : 0,
        receivedAt: r.receivedAt,
      }).changes;
    }
    return { stored, duplicates: records.length - stored };
  });

  const writeJti = db.transaction((rows: readonly JtiRow[], pruneBefore: number | undefined) => {
    if (pruneBefore !== undefined) {
      pruneJti.run(pruneBefore);
    }
    for (const [iss, jti, expiresAt] of rows) {
      insertJti.run(iss, jti, expiresAt);
    }
  });

  // Nested better-sqlite3 transactions run as savepoints of the outer one: a single commit.
  const writeGroup = db.transaction(
    (calls: readonly CallAudit[], rows: readonly JtiRow[], pruneBefore: number | undefined) => {
      if (calls.length > 0) {
        writeCalls(calls);
      }
      if (rows.length > 0 || pruneBefore !== undefined) {
        writeJti(rows, pruneBefore);
      }
    },
  );

  return { writeCalls, writeFeedback, writeJti, writeGroup };
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Applies a batch of requests in order and returns the replies. Audit rows and JWT ids of the batch share one
 * transaction (group commit; if it fails, each request is retried alone so one bad row fails only itself); each
 * feedback request is its own transaction, answered only once that transaction has committed.
 */
export function applyBatch(writes: Writes, batch: readonly WriterRequest[]): WriterReply[] {
  const replies = writeCallsAndJti(writes, batch);
  for (const r of batch) {
    if (r.kind === 'feedback') {
      try {
        replies.push({ kind: 'done', id: r.id, value: writes.writeFeedback(r.records) });
      } catch (error) {
        replies.push({ kind: 'failed', id: r.id, error: errorName(error) });
      }
    } else if (r.kind === 'flush') {
      replies.push({ kind: 'done', id: r.id });
    }
  }
  return replies;
}

/** The batch's audit rows and JWT ids in one transaction; on failure, each request alone. */
function writeCallsAndJti(writes: Writes, batch: readonly WriterRequest[]): WriterReply[] {
  const calls = batch.filter((r) => r.kind === 'calls');
  const jti = batch.filter((r) => r.kind === 'jti');
  if (calls.length === 0 && jti.length === 0) {
    return [];
  }
  try {
    groupWrite(writes, calls, jti);
    return calls.map((c) => ({ kind: 'done', id: c.id }));
  } catch {
    return writeEachAlone(writes, calls, jti);
  }
}

function writeEachAlone(
  writes: Writes,
  calls: readonly Extract<WriterRequest, { kind: 'calls' }>[],
  jti: readonly Extract<WriterRequest, { kind: 'jti' }>[],
): WriterReply[] {
  for (const j of jti) {
    try {
      writes.writeJti(j.rows, j.pruneBefore);
    } catch {
      // The in-memory replay check still holds; only the persistence of these ids is lost.
    }
  }
  return calls.map((c): WriterReply => {
    try {
      writes.writeCalls(c.calls);
      return { kind: 'done', id: c.id };
    } catch (error) {
      return { kind: 'failed', id: c.id, error: errorName(error) };
    }
  });
}

function groupWrite(
  writes: Writes,
  calls: readonly Extract<WriterRequest, { kind: 'calls' }>[],
  jti: readonly Extract<WriterRequest, { kind: 'jti' }>[],
): void {
  const rows = jti.flatMap((j) => j.rows);
  const prune = jti.reduce<number | undefined>(
    (max, j) => (j.pruneBefore === undefined ? max : Math.max(max ?? j.pruneBefore, j.pruneBefore)),
    undefined,
  );
  writes.writeGroup(
    calls.flatMap((c) => c.calls),
    rows,
    prune,
  );
}
