// The store contract against PostgreSQL (a private cluster in a temporary folder), then what is PostgreSQL's own:
// instances migrating at once, and the database going away and coming back (writes fail fast and say why, health
// says so, the pool reconnects by itself). Runs wherever Debian's PostgreSQL 15 binaries are installed; elsewhere the
// suite is skipped and says why.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, PG_BIN, startPostgres, type TestPostgres } from '../../../test/support/postgres.js';
import { SCHEMA_VERSION } from './migrations.js';
import { openPostgresStore, redactUrl } from './postgres-store.js';
import { callWith, feedbackOn, storeContract } from './store.contract.js';

const available = hasPostgres();
if (!available) {
  describe('store contract: PostgreSQL', () => {
    it.skip(`skipped: no PostgreSQL server binaries at ${PG_BIN} (apt-get install postgresql-15)`, () =>
      undefined);
  });
}

let cluster: TestPostgres | undefined;
let n = 0;

async function count(url: string, table: string, where?: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${table}${where === undefined ? '' : ` WHERE ${where}`}`,
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

describe.runIf(available)('PostgreSQL store', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await cluster?.destroy();
  });

  const fresh = async (): Promise<string> => {
    if (cluster === undefined) {
      throw new Error('no cluster');
    }
    n += 1;
    return cluster.database(`contract_${n}`);
  };

  storeContract('PostgreSQL', {
    fresh,
    open: (db, options) => openPostgresStore(db, { ...options, poolSize: 4 }),
    count,
  });

  it('migrates once when three instances start at the same moment (advisory lock)', async () => {
    const db = await fresh();
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(db, { poolSize: 2 })));
    expect(await count(db, 'schema_version')).toBe(SCHEMA_VERSION);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('names the database without its password, and refuses to start on an unreachable one with one line', async () => {
    expect(redactUrl('postgres://u:secret@db.example:5432/x')).toBe('postgres://u:***@db.example:5432/x');
    const port = cluster?.port ?? 5432;
    await expect(
      openPostgresStore(`postgres://frontline:pw@127.0.0.1:${port + 1}/nowhere`, { connectTimeoutMs: 1000 }),
    ).rejects.toThrow(
      new RegExp(
        `^could not open the PostgreSQL store postgres://frontline:\\*\\*\\*@127\\.0\\.0\\.1:${port + 1}/nowhere: ECONNREFUSED`,
      ),
    );
  });

  it('while the database is down: writes reject with the error code, health is unavailable; then it reconnects by itself', async () => {
    if (cluster === undefined) {
      throw new Error('no cluster');
    }
    const db = await fresh();
    const store = await openPostgresStore(db, {
      poolSize: 2,
      connectTimeoutMs: 1000,
      statementTimeoutMs: 2000,
    });
    await store.recordCall(callWith(['before-outage']));
    await cluster.stop();
    try {
      await expect(store.recordFeedback([feedbackOn('before-outage')])).rejects.toThrow(
        /ECONNREFUSED|57P01|terminat|timeout/i,
      );
      await expect(
        store.rememberJti('iss', 'down', Math.floor(Date.now() / 1000) + 300, 0),
      ).rejects.toThrow();
      // Audit rows queued during the outage are failed together (logged by the caller), not left to pile up.
      const during = Array.from({ length: 50 }, (_, i) => store.recordCall(callWith([`during-${i}`])));
      const settled = await Promise.allSettled(during);
      expect(settled.filter((r) => r.status === 'rejected')).toHaveLength(50);
      const health = await store.health();
      expect(health.state).toBe('unavailable');
      expect(health.error).toMatch(/ECONNREFUSED|timeout/i);
    } finally {
      await cluster.start();
    }
    // No restart of the store: the pool opens new connections on the next query.
    expect(await store.health()).toEqual({ state: 'ok' });
    expect(await store.recordFeedback([feedbackOn('before-outage')])).toEqual({ stored: 1, duplicates: 0 });
    await store.close();
  }, 120_000);
});
