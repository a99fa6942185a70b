/**
 * The store on PostgreSQL, for several Frontline instances behind a load balancer: the same contract as the SQLite
 * store (`store.ts`), the same migrations, and everything that must hold across instances in the database — JWT ids
 * (a duplicate is rejected by the primary key, whichever instance sees it), the uuids of issued cards, feedback
 * (idempotent on card, outcome and outcome timestamp), the audit with its retention.
 *
 * A bounded pool (`pg`), named prepared statements, a timeout on connect and on every statement. When the database
 * is down, writes reject at once or within the timeouts (feedback answers 503, the CDS answer still goes out), health
 * says so, and the pool reconnects by itself on the next query: no restart needed.
 * @module
 */
import pg from 'pg';
import { migratePostgres } from './postgres-migrate.js';
import {
  type CallAudit,
  cardsOf,
  describeError,
  type FeedbackRecord,
  type FeedbackResult,
  type StoreHealth,
} from './records.js';
import { DEFAULT_RETENTION_DAYS, type Store, StoreClosedError, StoreWriteError } from './store.js';

/** PostgreSQL store tuning. */
export interface PostgresStoreOptions {
  /** Most connections this instance holds (default 8). */
  readonly poolSize?: number;
  /** Longest wait for a connection, in milliseconds (default 3000). */
  readonly connectTimeoutMs?: number;
  /** Longest a statement may run, server and client side, in milliseconds (default 5000). */
  readonly statementTimeoutMs?: number;
  /** Audit rows older than this many days are deleted (default 365). */
  readonly retentionDays?: number;
  /** How often retention runs, in milliseconds (default 60 000). */
  readonly pruneEveryMs?: number;
}

/** True when `db` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** The URL as it may be shown or logged: without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') {
      u.password = '***';
    }
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

const SQL = {
  insertCall: `INSERT INTO cds_call (at, service, hook_instance, kb_version, status, outcome, option_ids, latency_ms,
      fetched, iss) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
  insertCards: `INSERT INTO cds_card (uuid, call_id, kind, subject, indicator)
      SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[])
      ON CONFLICT (uuid) DO NOTHING`,
  knownCards: 'SELECT uuid FROM cds_card WHERE uuid = ANY($1::text[])',
  insertFeedback: `INSERT INTO feedback (service, card_uuid, outcome, outcome_timestamp, accepted_suggestions,
      reason_system, reason_code, reason_display, has_comment, received_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      ON CONFLICT (card_uuid, outcome, outcome_timestamp) DO NOTHING`,
  insertJti: `INSERT INTO jwt_jti (iss, jti, expires_at) VALUES ($1, $2, $3)
      ON CONFLICT (iss, jti) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE jwt_jti.expires_at < $4`,
} as const;

/**
 * True for an error that only says the connection was lost or timed out (a later successful query proves it over);
 * false for one the database raised about the write itself (disk full, constraint), which only a write can clear.
 */
function lostConnection(error: string): boolean {
  return /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|EPIPE|57P0[1-3]|08\w{3})\b|timeout|terminated/i.test(
    error,
  );
}

/** Retention runs in one instance at a time (the others skip): this advisory lock key. */
const PRUNE_LOCK = 0x46524c02;

type Queued = { readonly call: CallAudit; readonly done: () => void; readonly fail: (e: Error) => void };

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const value = await work(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true; // the connection is gone: do not return it to the pool
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

async function writeCalls(client: pg.PoolClient, calls: readonly Queued[]): Promise<void> {
  const uuids: string[] = [];
  const ids: string[] = [];
  const kinds: string[] = [];
  const subjects: string[] = [];
  const indicators: string[] = [];
  for (const { call: c } of calls) {
    const { rows } = await client.query<{ id: string }>({
      name: 'fl_insert_call',
      text: SQL.insertCall,
      values: [
        c.at,
        c.service,
        c.hookInstance ?? null,
        c.kbVersion,
        c.status,
        c.outcome,
        JSON.stringify(c.optionIds),
        c.latencyMs,
        c.fetched ? 1 : 0,
        c.iss ?? null,
      ],
    });
    const id = rows[0]?.id ?? '0';
    for (const card of c.cards) {
      uuids.push(card.uuid);
      ids.push(id);
      kinds.push(card.kind);
      subjects.push(card.subject);
      indicators.push(card.indicator);
    }
  }
  if (uuids.length > 0) {
    await client.query({
      name: 'fl_insert_cards',
      text: SQL.insertCards,
      values: [uuids, ids, kinds, subjects, indicators],
    });
  }
}

async function writeFeedback(
  client: pg.PoolClient,
  records: readonly FeedbackRecord[],
): Promise<FeedbackResult> {
  const cards = cardsOf(records);
  const { rows } = await client.query<{ uuid: string }>({
    name: 'fl_known_cards',
    text: SQL.knownCards,
    values: [cards],
  });
  const known = new Set(rows.map((r) => r.uuid));
  const unknownCards = cards.filter((c) => !known.has(c));
  if (unknownCards.length > 0) {
    return { unknownCards };
  }
  let stored = 0;
  for (const r of records) {
    const result = await client.query({
      name: 'fl_insert_feedback',
      text: SQL.insertFeedback,
      values: [
        r.service,
        r.card,
        r.outcome,
        r.outcomeTimestamp,
        r.acceptedSuggestions.length === 0 ? null : JSON.stringify(r.acceptedSuggestions),
        r.reason?.system ?? null,
        r.reason?.code ?? null,
        r.reason?.display ?? null,
        r.hasComment ? 1 : 0,
        r.receivedAt,
      ],
    });
    stored += result.rowCount ?? 0;
  }
  return { stored, duplicates: records.length - stored };
}

async function prune(pool: pg.Pool, retentionDays: number): Promise<void> {
  const now = Date.now();
  const before = new Date(now - retentionDays * 86_400_000).toISOString();
  await inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_xact_lock($1) AS locked',
      [PRUNE_LOCK],
    );
    if (rows[0]?.locked !== true) {
      return;
    }
    await client.query('DELETE FROM jwt_jti WHERE expires_at < $1', [Math.floor(now / 1000)]);
    await client.query('DELETE FROM cds_card WHERE call_id IN (SELECT id FROM cds_call WHERE at < $1)', [
      before,
    ]);
    await client.query('DELETE FROM cds_call WHERE at < $1', [before]);
  });
}

/**
 * Connects to PostgreSQL, runs the migrations (under an advisory lock: two instances starting at once migrate once),
 * and returns the store. Connection parameters the URL leaves out come from the standard `PG*` variables.
 * @throws when the database cannot be reached or migrated (the message names the database and the error code)
 * @example
 *   const store = await openPostgresStore('postgres://frontline@127.0.0.1:5432/frontline');
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const statementTimeoutMs = options.statementTimeoutMs ?? 5000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 8,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 1000,
    idleTimeoutMillis: 30_000,
    application_name: 'frontline',
  });
  let lastError: { readonly error: string; readonly since: string } | undefined;
  const failed = (error: unknown): Error => {
    const text = describeError(error);
    lastError = { error: text, since: new Date().toISOString() };
    return new StoreWriteError(text);
  };
  // An idle connection dropped by the server (restart, failover) is reported here; the pool opens a new one later.
  pool.on('error', (error) => {
    failed(error);
  });
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`could not open the PostgreSQL store ${redactUrl(url)}: ${describeError(error)}`);
  }

  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  let closed = false;
  let queue: Queued[] = [];
  let flushing: Promise<void> | undefined;
  const pending = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    const forget = (): void => {
      pending.delete(p);
    };
    p.then(forget, forget);
    return p;
  };

  /** Writes queued audit rows, one transaction per batch, until the queue is empty. */
  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue.slice(0, 500);
      queue = queue.slice(batch.length);
      try {
        await inTransaction(pool, (client) => writeCalls(client, batch));
        lastError = undefined;
        for (const q of batch) {
          q.done();
        }
      } catch (error) {
        // The rows queued meanwhile would meet the same failure after another timeout: fail them now, so that an
        // outage under load never lets the queue grow faster than it drains.
        const e = failed(error);
        const all = [...batch, ...queue];
        queue = [];
        for (const q of all) {
          q.fail(e);
        }
      }
    }
  };
  const startDrain = (): void => {
    flushing ??= drain().finally(() => {
      flushing = undefined;
      if (queue.length > 0) {
        startDrain();
      }
    });
  };

  const write = <T>(work: () => Promise<T>): Promise<T> => {
    if (closed) {
      return Promise.reject(new StoreClosedError());
    }
    return track(
      work().then(
        (value) => {
          lastError = undefined;
          return value;
        },
        (error: unknown) => {
          throw failed(error);
        },
      ),
    );
  };

  const pruneNow = (): void => {
    track(prune(pool, retentionDays).catch(failed));
  };
  const timer = setInterval(pruneNow, options.pruneEveryMs ?? 60_000);
  timer.unref();
  pruneNow();

  return {
    kind: 'postgres',
    location: redactUrl(url),
    recordCall(call) {
      if (closed) {
        return Promise.reject(new StoreClosedError());
      }
      const p = new Promise<void>((done, fail) => {
        queue.push({ call, done, fail });
      });
      startDrain();
      return track(p);
    },
    recordFeedback(records) {
      return write(() => inTransaction(pool, (client) => writeFeedback(client, records)));
    },
    rememberJti(iss, jti, expiresAt, now) {
      return write(async () => {
        const result = await pool.query({
          name: 'fl_insert_jti',
          text: SQL.insertJti,
          values: [iss, jti, expiresAt, now],
        });
        return result.rowCount === 1;
      });
    },
    async flush() {
      if (closed) {
        throw new StoreClosedError();
      }
      while (flushing !== undefined || queue.length > 0) {
        startDrain();
        await flushing;
      }
      await Promise.allSettled([...pending]);
    },
    async health(): Promise<StoreHealth> {
      if (closed) {
        return { state: 'unavailable', error: 'the store is closed' };
      }
      try {
        await pool.query('SELECT 1');
      } catch (error) {
        return { state: 'unavailable', error: describeError(error), since: new Date().toISOString() };
      }
      if (lastError !== undefined && lostConnection(lastError.error)) {
        lastError = undefined; // the database answers again: the pool has reconnected
      }
      return lastError === undefined ? { state: 'ok' } : { state: 'degraded', ...lastError };
    },
    async close() {
      if (closed) {
        return;
      }
      while (flushing !== undefined || queue.length > 0) {
        startDrain();
        await flushing;
      }
      await Promise.allSettled([...pending]);
      closed = true;
      clearInterval(timer);
      await pool.end();
    },
  };
}
