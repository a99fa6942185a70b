/**
 * The embedded store: one SQLite file (better-sqlite3), WAL journal, `synchronous = FULL` so a commit is on disk
 * when it returns, a busy timeout so a second process on the same file waits instead of failing. Feedback is
 * written in its own transaction before the answer; CDS audit rows are group-committed once per event-loop turn
 * and the call is answered only after its row is committed.
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';
import type { CallAudit, FeedbackRecord, FeedbackWrite } from './records.js';

/** The store as the server uses it. */
export interface Store {
  /** Records a CDS call; resolves once the row is durable. */
  recordCall(call: CallAudit): Promise<void>;
  /** Stores feedback idempotently (card uuid + outcome + timestamp); durable when it returns. */
  recordFeedback(records: readonly FeedbackRecord[]): FeedbackWrite;
  /** Remembers a JWT id until it expires; false when it was already seen (a replay). */
  rememberJti(iss: string, jti: string, expiresAt: number, now: number): boolean;
  /** True when the database answers. */
  healthy(): boolean;
  /** The durability settings in force on this connection (for diagnostics and tests). */
  settings(): { readonly journalMode: string; readonly synchronous: number };
  /** Commits pending audit rows and closes the file. */
  close(): void;
  readonly path: string;
}

/** Store tuning. */
export interface StoreOptions {
  /** Milliseconds to wait for another process's write lock. */
  readonly busyTimeoutMs?: number;
}

interface Pending {
  readonly call: CallAudit;
  readonly done: () => void;
  readonly fail: (e: unknown) => void;
}

function open(path: string, busyTimeoutMs: number): Database.Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const db = new Database(path, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/**
 * Opens (creating and migrating if needed) the store at `path`.
 * @param path - the SQLite file (`:memory:` for tests)
 * @example
 *   const store = openStore(process.env.FRONTLINE_DB ?? './frontline.db');
 */
export function openStore(path: string, options: StoreOptions = {}): Store {
  const db = open(path, options.busyTimeoutMs ?? 5000);
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

  let queue: Pending[] = [];
  let scheduled = false;
  let closed = false;
  let jtiWrites = 0;

  const flush = (): void => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) {
      return;
    }
    try {
      writeCalls(batch.map((p) => p.call));
      for (const p of batch) {
        p.done();
      }
    } catch (error) {
      for (const p of batch) {
        p.fail(error);
      }
    }
  };

  return {
    path,
    recordCall(call) {
      if (closed) {
        return Promise.reject(new Error('the store is closed'));
      }
      return new Promise<void>((done, fail) => {
        queue.push({ call, done, fail });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    recordFeedback(records) {
      return writeFeedback(records);
    },
    rememberJti(iss, jti, expiresAt, now) {
      jtiWrites += 1;
      if (jtiWrites % 100 === 0) {
        pruneJti.run(now);
      }
      return insertJti.run(iss, jti, expiresAt).changes === 1;
    },
    healthy() {
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
      flush();
      closed = true;
      db.close();
    },
  };
}
