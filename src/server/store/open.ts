/**
 * One entry to both stores: a `postgres://` (or `postgresql://`) URL opens the PostgreSQL store; anything else is
 * the SQLite file, as it always was.
 * @module
 */
import { isPostgresUrl, openPostgresStore, type PostgresStoreOptions } from './postgres-store.js';
import { openStore, type Store, type StoreOptions } from './store.js';

/**
 * Opens the store `db` names.
 * @param db - `--db` / `FRONTLINE_DB`: a PostgreSQL URL (parameters it leaves out come from `PG*`), or a file
 * @example
 *   const store = await openAnyStore('postgres://frontline@db.internal/frontline');
 */
export async function openAnyStore(
  db: string,
  options: StoreOptions & PostgresStoreOptions = {},
): Promise<Store> {
  return isPostgresUrl(db) ? openPostgresStore(db, options) : openStore(db, options);
}
