/**
 * The store's schema, as ordered migrations recorded in `schema_version`: one list for both stores, each step written
 * once per dialect (SQLite, PostgreSQL) with the same tables, columns and keys. A migration is never edited once
 * released; a change is a new migration. No table has a column for a patient identifier, name or birth date.
 * @module
 */
import type { Database } from 'better-sqlite3';

/** One schema step, in both dialects. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sqlite: string;
  readonly postgres: string;
}

/** Every migration, in order; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'CDS call audit, cards shown, card feedback, JWT ids seen',
    sqlite: `
      CREATE TABLE cds_call (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        service TEXT NOT NULL,
        hook_instance TEXT,
        kb_version TEXT NOT NULL,
        status INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        option_ids TEXT NOT NULL,
        latency_ms REAL NOT NULL,
        fetched INTEGER NOT NULL
      );
      CREATE INDEX cds_call_at ON cds_call (at);
      CREATE TABLE cds_card (
        uuid TEXT PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES cds_call (id),
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        indicator TEXT NOT NULL
      );
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        service TEXT NOT NULL,
        card_uuid TEXT NOT NULL,
        outcome TEXT NOT NULL,
        outcome_timestamp TEXT NOT NULL,
        accepted_suggestions TEXT,
        reason_system TEXT,
        reason_code TEXT,
        reason_display TEXT,
        has_comment INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        UNIQUE (card_uuid, outcome, outcome_timestamp)
      );
      CREATE TABLE jwt_jti (
        iss TEXT NOT NULL,
        jti TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (iss, jti)
      );
    `,
    postgres: `
      CREATE TABLE cds_call (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at TEXT NOT NULL,
        service TEXT NOT NULL,
        hook_instance TEXT,
        kb_version TEXT NOT NULL,
        status INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        option_ids TEXT NOT NULL,
        latency_ms DOUBLE PRECISION NOT NULL,
        fetched INTEGER NOT NULL
      );
      CREATE INDEX cds_call_at ON cds_call (at);
      CREATE TABLE cds_card (
        uuid TEXT PRIMARY KEY,
        call_id BIGINT NOT NULL REFERENCES cds_call (id),
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        indicator TEXT NOT NULL
      );
      CREATE TABLE feedback (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        service TEXT NOT NULL,
        card_uuid TEXT NOT NULL,
        outcome TEXT NOT NULL,
        outcome_timestamp TEXT NOT NULL,
        accepted_suggestions TEXT,
        reason_system TEXT,
        reason_code TEXT,
        reason_display TEXT,
        has_comment INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        UNIQUE (card_uuid, outcome, outcome_timestamp)
      );
      CREATE TABLE jwt_jti (
        iss TEXT NOT NULL,
        jti TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        PRIMARY KEY (iss, jti)
      );
    `,
  },
  {
    version: 2,
    description:
      'the verified caller (iss) on each audit row; the cards of a call found by call for retention',
    sqlite: `
      ALTER TABLE cds_call ADD COLUMN iss TEXT;
      CREATE INDEX cds_card_call ON cds_card (call_id);
    `,
    postgres: `
      ALTER TABLE cds_call ADD COLUMN iss TEXT;
      CREATE INDEX cds_card_call ON cds_card (call_id);
    `,
  },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** Thrown when the database was written by a newer Frontline: refuse rather than corrupt. */
export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(`the database has schema version ${found}; this Frontline knows up to ${SCHEMA_VERSION}`);
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Brings a SQLite database to `SCHEMA_VERSION` in one IMMEDIATE transaction (so two processes starting together do
 * not both migrate: the second waits for the first's write lock, then finds nothing to do).
 * @returns the version before migrating
 */
export function migrate(db: Database): number {
  const run = db.transaction((): number => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new SchemaTooNewError(current);
    }
    for (const m of MIGRATIONS) {
      if (m.version > current) {
        db.exec(m.sqlite);
        db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
      }
    }
    return current;
  });
  return run.immediate();
}
