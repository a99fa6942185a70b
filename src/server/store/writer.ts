/**
 * The SQLite store's writes, as SQL on one connection: CDS call audit rows and JWT ids (group-committed), feedback
 * (each request in its own transaction), retention. Runs inside the writer thread (`writer-worker.ts`), the one
 * connection that writes, so no request ever waits on the disk on the server's event loop.
 * @module
 */
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  type CallAudit,
  cardsOf,
  describeError,
  type FeedbackRecord,
  type FeedbackResult,
  type JtiClaim,
} from './records.js';

/** A message to the writer thread. `id` is answered by a `WriterReply` with the same id. */
export type WriterRequest =
  | { readonly kind: 'calls'; readonly id: number; readonly calls: readonly CallAudit[] }
  | { readonly kind: 'feedback'; readonly id: number; readonly records: readonly FeedbackRecord[] }
  | { readonly kind: 'jti'; readonly id: number; readonly claim: JtiClaim }
  | { readonly kind: 'flush'; readonly id: number }
  | { readonly kind: 'close' };

/** The writer's answer to one request. */
export type WriterReply =
  | { readonly kind: 'done'; readonly id: number; readonly value?: FeedbackResult | boolean }
  | { readonly kind: 'failed'; readonly id: number; readonly error: string }
  | { readonly kind: 'ready' }
  | { readonly kind: 'fatal'; readonly error: string }
  /** A write that answers nobody (retention) failed. */
  | { readonly kind: 'problem'; readonly error: string };

/** What the writer thread is started with. */
export interface WriterData {
  readonly path: string;
  readonly busyTimeoutMs: number;
  /** Audit rows (and their cards) older than this many days are deleted by the writer. */
  readonly retentionDays: number;
  /** The writer's state, shared with the server's thread: 0 starting, 1 ready, 2 closed (notified on change). */
  readonly state: Int32Array;
}

/** Thrown at open when `PRAGMA quick_check` finds the file damaged: the server refuses to start. */
export class StoreCorruptError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`the store ${path} is damaged (quick_check: ${detail}); restore it from a backup or move it aside`);
    this.name = 'StoreCorruptError';
  }
}

/** Creates the file readable and writable by its owner only (0600), before SQLite opens it. */
function createPrivate(path: string): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  if (!existsSync(path)) {
    closeSync(openSync(path, 'a', 0o600));
  }
}

/** Opens a connection with the store's durability settings: WAL, `synchronous = FULL`, foreign keys. */
export function openConnection(path: string, busyTimeoutMs: number): Database.Database {
  if (path !== ':memory:') {
    createPrivate(path);
  }
  const db = new Database(path, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

/** `PRAGMA quick_check`; throws `StoreCorruptError` naming the first problem. */
export function quickCheck(db: Database.Database, path: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch (error) {
    throw new StoreCorruptError(path, describeError(error));
  }
  const first = rows[0]?.quick_check ?? 'no answer';
  if (first !== 'ok') {
    throw new StoreCorruptError(path, rows.length > 1 ? `${first} (+${rows.length - 1} more)` : first);
  }
}

/** The write operations on one connection. */
export interface Writes {
  /** Audit rows and JWT ids in one transaction: one commit (one fsync); true for each id seen for the first time. */
  writeGroup(calls: readonly CallAudit[], claims: readonly JtiClaim[]): boolean[];
  writeFeedback(records: readonly FeedbackRecord[]): FeedbackResult;
  /** Deletes expired JWT ids and audit rows older than the cut-off (ISO 8601). */
  prune(nowSec: number, auditBefore: string): void;
}

/** Prepares the store's statements on `db` (whose schema is already migrated). */
export function prepareWrites(db: Database.Database): Writes {
  const insertCall = db.prepare(
    `INSERT INTO cds_call (at, service, hook_instance, kb_version, status, outcome, option_ids, latency_ms, fetched, iss)
     VALUES (@at, @service, @hookInstance, @kbVersion, @status, @outcome, @optionIds, @latencyMs, @fetched, @iss)`,
  );
  const insertCard = db.prepare(
    'INSERT OR IGNORE INTO cds_card (uuid, call_id, kind, subject, indicator) VALUES (?, ?, ?, ?, ?)',
  );
  const hasCard = db.prepare('SELECT 1 FROM cds_card WHERE uuid = ?').pluck();
  const insertFeedback = db.prepare(
    `INSERT OR IGNORE INTO feedback (service, card_uuid, outcome, outcome_timestamp, accepted_suggestions,
       reason_system, reason_code, reason_display, has_comment, received_at)
     VALUES (@service, @card, @outcome, @outcomeTimestamp, @acceptedSuggestions, @reasonSystem, @reasonCode,
       @reasonDisplay, @hasComment, @receivedAt)`,
  );
  // A new id is inserted; an id whose row has expired is taken over; a live id is a replay (no change).
  const insertJti = db.prepare(
    `INSERT INTO jwt_jti (iss, jti, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (iss, jti) DO UPDATE SET expires_at = excluded.expires_at WHERE jwt_jti.expires_at < ?`,
  );
  const pruneJti = db.prepare('DELETE FROM jwt_jti WHERE expires_at < ?');
  const pruneCards = db.prepare(
    'DELETE FROM cds_card WHERE call_id IN (SELECT id FROM cds_call WHERE at < ?)',
  );
  const pruneCalls = db.prepare('DELETE FROM cds_call WHERE at < ?');

  const writeGroup = db.transaction((calls: readonly CallAudit[], claims: readonly JtiClaim[]): boolean[] => {
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
        iss: c.iss ?? null,
      });
      for (const card of c.cards) {
        insertCard.run(card.uuid, lastInsertRowid, card.kind, card.subject, card.indicator);
      }
    }
    return claims.map((j) => insertJti.run(j.iss, j.jti, j.expiresAt, j.now).changes > 0);
  });

  const writeFeedback = db.transaction((records: readonly FeedbackRecord[]): FeedbackResult => {
    const unknownCards = cardsOf(records).filter((uuid) => hasCard.get(uuid) === undefined);
    if (unknownCards.length > 0) {
      return { unknownCards };
    }
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

  const prune = db.transaction((nowSec: number, auditBefore: string) => {
    pruneJti.run(nowSec);
    pruneCards.run(auditBefore);
    pruneCalls.run(auditBefore);
  });

  // Every write transaction begins IMMEDIATE: it takes the write lock first, so a second process writing the same
  // file makes it wait (the busy timeout). A DEFERRED one reads first and may find, when it comes to write, that the
  // other process committed since its read began: SQLite then fails it at once (SQLITE_BUSY_SNAPSHOT), without waiting.
  return {
    writeGroup: (calls, claims) => writeGroup.immediate(calls, claims),
    writeFeedback: (records) => writeFeedback.immediate(records),
    prune: (nowSec, auditBefore) => prune.immediate(nowSec, auditBefore),
  };
}

type Request<K extends WriterRequest['kind']> = Extract<WriterRequest, { kind: K }>;

/**
 * Applies a batch of requests in order and returns the replies. Audit rows and JWT ids of the batch share one
 * transaction (group commit; if it fails, each request is retried alone so one bad row fails only itself); each
 * feedback request is its own transaction, answered only once that transaction has committed. A JWT id is answered
 * only once its row is committed: the token is accepted after that, never before.
 */
export function applyBatch(writes: Writes, batch: readonly WriterRequest[]): WriterReply[] {
  const calls = batch.filter((r): r is Request<'calls'> => r.kind === 'calls');
  const claims = batch.filter((r): r is Request<'jti'> => r.kind === 'jti');
  const replies = writeCallsAndJti(writes, calls, claims);
  for (const r of batch) {
    if (r.kind === 'feedback') {
      try {
        replies.push({ kind: 'done', id: r.id, value: writes.writeFeedback(r.records) });
      } catch (error) {
        replies.push({ kind: 'failed', id: r.id, error: describeError(error) });
      }
    } else if (r.kind === 'flush') {
      replies.push({ kind: 'done', id: r.id });
    }
  }
  return replies;
}

function writeCallsAndJti(
  writes: Writes,
  calls: readonly Request<'calls'>[],
  claims: readonly Request<'jti'>[],
): WriterReply[] {
  if (calls.length === 0 && claims.length === 0) {
    return [];
  }
  try {
    const fresh = writes.writeGroup(
      calls.flatMap((c) => c.calls),
      claims.map((j) => j.claim),
    );
    return [
      ...calls.map((c): WriterReply => ({ kind: 'done', id: c.id })),
      ...claims.map((j, i): WriterReply => ({ kind: 'done', id: j.id, value: fresh[i] === true })),
    ];
  } catch {
    return writeEachAlone(writes, calls, claims);
  }
}

function writeEachAlone(
  writes: Writes,
  calls: readonly Request<'calls'>[],
  claims: readonly Request<'jti'>[],
): WriterReply[] {
  const alone = <T>(id: number, run: () => T): WriterReply => {
    try {
      const value = run();
      return typeof value === 'boolean' ? { kind: 'done', id, value } : { kind: 'done', id };
    } catch (error) {
      return { kind: 'failed', id, error: describeError(error) };
    }
  };
  return [
    ...calls.map((c) => alone(c.id, () => writes.writeGroup(c.calls, []))),
    ...claims.map((j) => alone(j.id, () => writes.writeGroup([], [j.claim])[0] === true)),
  ];
}
