// The SQLite store: the store contract (shared with PostgreSQL), then what is SQLite's own: created 0600 with
// migrations, WAL + synchronous FULL, quick_check refusing a damaged file, a jti durable before it is accepted (it
// survives SIGKILL), the writer's last error in health, and a second process writing the same file.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, SchemaTooNewError } from './migrations.js';
import type { CallAudit, FeedbackRecord } from './records.js';
import { storeContract } from './store.contract.js';
import { openStore } from './store.js';
import { StoreCorruptError } from './writer.js';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'frontline.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) {
    rmSync(d, { recursive: true, force: true });
  }
});

/** The least audit row the store takes. */
const minimalCall: CallAudit = {
  at: 'now',
  service: 's',
  kbVersion: 'k',
  status: 200,
  outcome: 'cards',
  optionIds: [],
  latencyMs: 1,
  fetched: false,
  cards: [],
};

const feedback = (card: string, ts = '2021-12-11T10:05:31.000Z'): FeedbackRecord => ({
  service: 'frontline-all',
  card,
  outcome: 'overridden',
  outcomeTimestamp: ts,
  acceptedSuggestions: [],
  reason: { system: 'urn:x', code: 'c', display: 'd' },
  hasComment: true,
  receivedAt: '2026-01-01T00:00:00.000Z',
});

storeContract('SQLite', {
  fresh: async () => tempDb(),
  open: async (db, options) => openStore(db, options),
  count: async (db, table, where) => {
    const conn = new Database(db, { readonly: true });
    try {
      const row = conn
        .prepare(`SELECT count(*) AS n FROM ${table}${where === undefined ? '' : ` WHERE ${where}`}`)
        .get() as {
        n: number;
      };
      return row.n;
    } finally {
      conn.close();
    }
  },
});

/** Issues the card (as a CDS call would) so that feedback on it is accepted. */
async function issue(store: ReturnType<typeof openStore>, ...cards: string[]): Promise<void> {
  await store.recordCall({
    ...minimalCall,
    cards: cards.map((uuid) => ({ uuid, kind: 'option', subject: 'x', indicator: 'info' })),
  });
}

describe('openStore', () => {
  it('creates the file (and its folder) with WAL, synchronous FULL and the schema version', async () => {
    const path = tempDb();
    const store = openStore(path);
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT max(version) AS v FROM schema_version').get()).toEqual({ v: SCHEMA_VERSION });
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    db.close();
    const again = openStore(path);
    expect(await again.health()).toEqual({ state: 'ok' });
    again.close();
  });

  it('creates the database file readable and writable by its owner only (0600)', () => {
    const path = tempDb();
    openStore(path).close();
    expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
  });

  it('refuses to open a damaged file with one line naming the file and what quick_check found', async () => {
    const path = tempDb();
    const store = openStore(path);
    for (let i = 0; i < 200; i++) {
      await issue(store, `card-${i}-${'x'.repeat(200)}`);
    }
    store.close();
    // Overwrite pages in the middle of the file (not the header): the b-tree pages no longer parse.
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(8 * 4096);
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4 * 4096, 0xa5), 0, 4 * 4096, 3 * 4096);
    closeSync(fd);
    let thrown: unknown;
    try {
      openStore(path);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoreCorruptError);
    expect(String((thrown as Error).message)).toMatch(
      /^the store .*frontline\.db is damaged \(quick_check: .+\); restore/,
    );
    expect(String((thrown as Error).message)).not.toContain('\n');
  });

  it('runs its connection in WAL with synchronous = FULL (2), so a commit is on disk when it returns', () => {
    const store = openStore(tempDb());
    expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: 2 });
    store.close();
  });

  it('refuses a file written by a newer schema rather than corrupt it', async () => {
    const path = tempDb();
    openStore(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION + 1);
    db.close();
    expect(() => openStore(path)).toThrow(SchemaTooNewError);
  });

  it('stores feedback idempotently on card + outcome + timestamp', async () => {
    const store = openStore(tempDb());
    await issue(store, 'a', 'b');
    expect(await store.recordFeedback([feedback('a'), feedback('b')])).toEqual({ stored: 2, duplicates: 0 });
    expect(await store.recordFeedback([feedback('a'), feedback('a', '2021-12-12T00:00:00.000Z')])).toEqual({
      stored: 1,
      duplicates: 1,
    });
    store.close();
  });

  it('keeps every acknowledged write across a close and reopen', async () => {
    const path = tempDb();
    const store = openStore(path);
    await issue(store, 'kept');
    await store.recordFeedback([feedback('kept')]);
    await store.recordCall({
      at: '2026-01-01T00:00:00.000Z',
      service: 'frontline-all',
      hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
      kbVersion: 'kb-test',
      status: 200,
      outcome: 'cards',
      optionIds: ['x.y'],
      latencyMs: 1.5,
      fetched: false,
      cards: [{ uuid: 'card-1', kind: 'option', subject: 'x.y', indicator: 'info' }],
    });
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT card_uuid, reason_code, has_comment FROM feedback').all()).toEqual([
      { card_uuid: 'kept', reason_code: 'c', has_comment: 1 },
    ]);
    expect(
      db.prepare("SELECT service, option_ids, kb_version FROM cds_call WHERE kb_version = 'kb-test'").all(),
    ).toEqual([{ service: 'frontline-all', option_ids: '["x.y"]', kb_version: 'kb-test' }]);
    expect(db.prepare("SELECT uuid, subject FROM cds_card WHERE uuid = 'card-1'").all()).toEqual([
      { uuid: 'card-1', subject: 'x.y' },
    ]);
    db.close();
  });

  it('group-commits audit rows written in the same turn, and commits pending rows on close', async () => {
    const path = tempDb();
    const store = openStore(path);
    const pending = Array.from({ length: 50 }, () => store.recordCall(minimalCall));
    store.close();
    await Promise.all(pending);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM cds_call').get()).toEqual({ n: 50 });
    db.close();
    await expect(store.recordCall(minimalCall)).rejects.toThrow(/closed/);
  });

  it('has a jti on disk before it is accepted: a process killed right after acceptance still refuses the replay', async () => {
    const path = tempDb();
    mkdirSync(dirname(path), { recursive: true });
    const script = `
      import { openStore } from ${JSON.stringify(new URL('./store.ts', import.meta.url).href)};
      const store = openStore(process.argv[2]);
      const fresh = await store.rememberJti('iss', 'killed', 4102444800, 1000);
      process.stdout.write(String(fresh));
      process.kill(process.pid, 'SIGKILL');
    `;
    const file = join(dirname(path), 'accept-then-die.mjs');
    writeFileSync(file, script);
    const child = spawn(process.execPath, ['--import', 'tsx', file, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_c, s) => resolve(s)),
    );
    expect({ signal, out }).toEqual({ signal: 'SIGKILL', out: 'true' });
    const again = openStore(path);
    expect(await again.rememberJti('iss', 'killed', 4102444800, 1000)).toBe(false);
    again.close();
  });

  it('answers CDS calls without waiting for the disk: audit rows are durable after flush, not before the reply', async () => {
    const path = tempDb();
    const store = openStore(path);
    const durable = store.recordCall(minimalCall);
    await store.flush();
    await durable;
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM cds_call').get()).toEqual({ n: 1 });
    db.close();
    store.close();
  });

  it('keeps a process alive while a write is awaited: a script that awaits feedback gets its answer', async () => {
    const path = tempDb();
    const script = `
      import { openStore } from ${JSON.stringify(new URL('./store.ts', import.meta.url).href)};
      const store = openStore(process.argv[2]);
      await store.recordCall(${JSON.stringify({ ...minimalCall, cards: [{ uuid: 'alive', kind: 'option', subject: 'x', indicator: 'info' }] })});
      const written = await store.recordFeedback([${JSON.stringify(feedback('alive'))}]);
      process.stdout.write(JSON.stringify(written));
      store.close();
    `;
    const file = join(dirname(path), 'await-feedback.mjs');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(file, script);
    const child = spawn(process.execPath, ['--import', 'tsx', file, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    // 'close', not 'exit': only then has all of the child's output been read.
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, out, err }).toEqual({
      code: 0,
      out: JSON.stringify({ stored: 1, duplicates: 0 }),
      err: '',
    });
  });

  it('refuses writes after close, and feedback never resolves as stored once the store is closed', async () => {
    const store = openStore(tempDb());
    store.close();
    await expect(store.recordFeedback([feedback('late')])).rejects.toThrow(/closed/);
    await expect(store.flush()).rejects.toThrow(/closed/);
    expect((await store.health()).state).toBe('unavailable');
  });

  it("reports the writer's last error, with SQLite's code, in health until a write succeeds", async () => {
    const path = tempDb();
    const store = openStore(path);
    await issue(store, 'ok-card');
    // Another process makes the feedback table refuse every write (as a full disk or a damaged page would).
    const other = new Database(path);
    other.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON feedback BEGIN SELECT RAISE(ABORT, 'disk says no'); END",
    );
    await expect(store.recordFeedback([feedback('ok-card')])).rejects.toThrow(
      /SQLITE_CONSTRAINT_TRIGGER: disk says no/,
    );
    const health = await store.health();
    expect(health).toMatchObject({ state: 'degraded', error: 'SQLITE_CONSTRAINT_TRIGGER: disk says no' });
    other.exec('DROP TRIGGER refuse');
    other.close();
    expect(await store.recordFeedback([feedback('ok-card')])).toEqual({ stored: 1, duplicates: 0 });
    expect(await store.health()).toEqual({ state: 'ok' });
    store.close();
  });

  it('survives a second process writing the same file at the same time', async () => {
    const path = tempDb();
    const store = openStore(path);
    const script = `
      const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
      const db = new Database(process.argv[1], { timeout: 10000 });
      db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL');
      const ins = db.prepare("INSERT OR IGNORE INTO feedback (service, card_uuid, outcome, outcome_timestamp, has_comment, received_at) VALUES ('s', ?, 'overridden', 't', 0, 'r')");
      for (let i = 0; i < 300; i++) ins.run('child-' + i);
      db.close();
    `;
    const child = spawn(process.execPath, ['-e', script, path], { stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const acks: Promise<unknown>[] = [];
    const parents = Array.from({ length: 300 }, (_, i) => `parent-${i}`);
    await issue(store, ...parents);
    for (let i = 0; i < 300; i++) {
      acks.push(store.recordFeedback([feedback(`parent-${i}`)]));
      if (i % 50 === 0) {
        await new Promise((r) => setTimeout(r, 1));
      }
    }
    await Promise.all(acks);
    expect(await exited).toBe(0);
    store.close();
    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT count(*) AS n FROM feedback WHERE card_uuid LIKE 'child-%'").get()).toEqual({
      n: 300,
    });
    expect(db.prepare("SELECT count(*) AS n FROM feedback WHERE card_uuid LIKE 'parent-%'").get()).toEqual({
      n: 300,
    });
    db.close();
  });
});
