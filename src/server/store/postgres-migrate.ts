/**
 * The migrations on PostgreSQL: the same versions as SQLite (`migrations.ts`), in one transaction that first takes
 * a transaction-level advisory lock, so instances starting at once migrate one after the other (the later ones find
 * nothing to do). PostgreSQL's DDL is transactional: a failed migration leaves the schema as it was.
 * @module
 */
import type pg from 'pg';
import { MIGRATIONS, SCHEMA_VERSION, SchemaTooNewError } from './migrations.js';

/** The advisory lock key migrations hold ("FRL" + 1). */
export const MIGRATION_LOCK = 0x46524c01;

/**
 * Brings the database to `SCHEMA_VERSION`.
 * @returns the version before migrating
 */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
    const current = rows[0]?.v ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new SchemaTooNewError(current);
    }
    for (const m of MIGRATIONS) {
      if (m.version > current) {
        await client.query(m.postgres);
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [m.version]);
      }
    }
    await client.query('COMMIT');
    return current;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
