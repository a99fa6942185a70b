// The SQLite store: created with migrations, feedback idempotent and durable across a restart, audit rows,
// jti replay detection, and a second process writing the same file without corrupting it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, SchemaTooNewError } from './migrations.js';
import type { CallAudit, FeedbackRecord } from './records.js';
import { openStore } from './store.js';

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

describe('openStore', () => {
  it('creates the file (and its folder) with WAL, synchronous FULL and the schema version', () => {
    const path = tempDb();
    const store = openStore(path);
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT max(version) AS v FROM schema_version').get()).toEqual({ v: SCHEMA_VERSION });
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    db.close();
    const again = openStore(path);
    expect(again.healthy()).toBe(true);
    again.close();
  });

  it('runs its connection in WAL with synchronous = FULL (2), so a commit is on disk when it returns', () => {
    const store = openStore(tempDb());
    expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: 2 });
    store.close();
  });

  it('refuses a file written by a newer schema rather than corrupt it', () => {
    const path = tempDb();
    openStore(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION + 1);
    db.close();
    expect(() => openStore(path)).toThrow(SchemaTooNewError);
  });

  it('stores feedback idempotently on card + outcome + timestamp', async () => {
    const store = openStore(tempDb());
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
    expect(db.prepare('SELECT service, option_ids, kb_version FROM cds_call').all()).toEqual([
      { service: 'frontline-all', option_ids: '["x.y"]', kb_version: 'kb-test' },
    ]);
    expect(db.prepare('SELECT uuid, subject FROM cds_card').all()).toEqual([
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

  it('remembers a jti until it expires and reports a replay', () => {
    const store = openStore(':memory:');
    expect(store.rememberJti('iss', 'j1', 2000, 1000)).toBe(true);
    expect(store.rememberJti('iss', 'j1', 2000, 1000)).toBe(false);
    expect(store.rememberJti('other', 'j1', 2000, 1000)).toBe(true);
    store.close();
  });

  it('remembers seen jtis across a restart (written behind, committed on close)', async () => {
    const path = tempDb();
    const store = openStore(path);
    expect(store.rememberJti('iss', 'j1', 2000, 1000)).toBe(true);
    await store.flush();
    store.close();
    const again = openStore(path);
    expect(again.rememberJti('iss', 'j1', 2000, 1000)).toBe(false);
    expect(again.rememberJti('iss', 'j1', 3000, 2500)).toBe(true); // expired: a new token may reuse the id
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
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
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
    expect(store.healthy()).toBe(false);
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
