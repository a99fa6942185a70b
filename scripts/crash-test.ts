// `npm run crash-test [-- --records 10000] [-- --concurrency 64]`: the real server (`frontline serve`, a child
// process) on a temporary SQLite file; 10,000 CDS Hooks feedback records posted concurrently; the server killed with
// SIGKILL mid-run (no shutdown, no flush); restarted on the same file. Proves that every record the server
// acknowledged (2xx) is in the database, that `PRAGMA integrity_check` is ok, and that the records that were not
// acknowledged can be sent again (idempotently) to complete the set. Prints the counts; exits 1 on any loss.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ensureBuilt } from '../bench/machine.js';
import { type ServerChild, startServerChild, stopServerChild } from '../bench/server.js';
import { openStore } from '../src/server/store/store.js';

const { values } = parseArgs({
  options: { records: { type: 'string' }, concurrency: { type: 'string' }, 'kill-after': { type: 'string' } },
});
const total = Number(values.records ?? 10_000);
const concurrency = Number(values.concurrency ?? 64);
// Kill once this many records are acknowledged: mid-run, with many requests in flight.
const killAfter = Number(values['kill-after'] ?? Math.floor(total * 0.4));

interface Record {
  readonly card: string;
  readonly body: string;
}

function record(i: number): Record {
  const card = randomUUID();
  const entry =
    i % 2 === 0
      ? { card, outcome: 'accepted', acceptedSuggestions: [{ id: randomUUID() }] }
      : {
          card,
          outcome: 'overridden',
          overrideReason: { reason: { system: 'https://example.org/reasons', code: `r${i % 7}` } },
        };
  return {
    card,
    body: JSON.stringify({ feedback: [{ ...entry, outcomeTimestamp: '2026-01-01T00:00:00Z' }] }),
  };
}

async function postAll(
  server: ServerChild,
  records: readonly Record[],
  onAck: (r: Record) => void,
  stopWhen: () => boolean,
): Promise<{ acked: Set<string>; failed: number; unsent: Record[] }> {
  const acked = new Set<string>();
  let failed = 0;
  let next = 0;
  const unsent: Record[] = [];
  const url = `${server.url}/cds-services/frontline-all/feedback`;
  const worker = async (): Promise<void> => {
    for (;;) {
      if (stopWhen()) {
        return;
      }
      const i = next++;
      const r = records[i];
      if (r === undefined) {
        return;
      }
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: r.body,
        });
        await res.arrayBuffer();
        if (res.status >= 200 && res.status < 300) {
          acked.add(r.card);
          onAck(r);
        } else {
          failed++;
          unsent.push(r);
        }
      } catch {
        failed++; // connection refused or reset: the server is gone; not acknowledged
        unsent.push(r);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  for (let i = next; i < records.length; i++) {
    const r = records[i];
    if (r !== undefined && !acked.has(r.card)) {
      unsent.push(r);
    }
  }
  return { acked, failed, unsent };
}

function present(
  db: string,
  cards: Iterable<string>,
): { found: number; missing: string[]; rows: number; integrity: string } {
  const conn = new Database(db, { readonly: true });
  try {
    const has = conn.prepare('SELECT 1 FROM feedback WHERE card_uuid = ?');
    let found = 0;
    const missing: string[] = [];
    for (const c of cards) {
      if (has.get(c) === undefined) {
        missing.push(c);
      } else {
        found++;
      }
    }
    const rows = (conn.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n;
    const integrity = String(conn.pragma('integrity_check', { simple: true }));
    return { found, missing, rows, integrity };
  } finally {
    conn.close();
  }
}

ensureBuilt();
const dir = mkdtempSync(join(tmpdir(), 'frontline-crash-'));
const db = join(dir, 'frontline.db');
const log = join(dir, 'server.log');
const records = Array.from({ length: total }, (_, i) => record(i));
// Feedback is accepted only for cards the service issued: the cards are issued first (as CDS calls would have),
// committed before the server starts.
{
  const seed = openStore(db);
  for (let i = 0; i < records.length; i += 500) {
    await seed.recordCall({
      at: new Date().toISOString(),
      service: 'frontline-all',
      kbVersion: 'crash-test',
      status: 200,
      outcome: 'cards',
      optionIds: [],
      latencyMs: 0,
      fetched: false,
      cards: records
        .slice(i, i + 500)
        .map((r) => ({ uuid: r.card, kind: 'option', subject: 'x', indicator: 'info' })),
    });
  }
  await seed.close();
}
let exitCode = 0;
try {
  const first = await startServerChild(db, log);
  process.stderr.write(
    `crash-test: server pid ${first.pid}, posting ${total} feedback records, ${concurrency} at a time…\n`,
  );
  let killed = false;
  let ackCount = 0;
  const t0 = performance.now();
  const run1 = await postAll(
    first,
    records,
    () => {
      ackCount++;
      if (!killed && ackCount >= killAfter) {
        killed = true;
        first.child.kill('SIGKILL'); // no shutdown: whatever was not on disk is lost
      }
    },
    () => false,
  );
  const exit = await first.exited;
  const seconds = (performance.now() - t0) / 1000;
  process.stderr.write(
    `crash-test: server killed (${exit.signal ?? exit.code}); restarting on the same file…\n`,
  );

  const second = await startServerChild(db, log);
  const health = await (await fetch(`${second.url}/api/health`)).json();
  // Every acknowledged record must be there, before anything else is sent.
  await stopServerChild(second);
  const afterCrash = present(db, run1.acked);

  // Then the records that were never acknowledged are sent again: a retry is safe (idempotent).
  const third = await startServerChild(db, log);
  const run2 = await postAll(
    third,
    run1.unsent,
    () => undefined,
    () => false,
  );
  await stopServerChild(third);
  const complete = present(
    db,
    records.map((r) => r.card),
  );

  const summary = {
    records: total,
    concurrency,
    killedAfterAcks: killAfter,
    acknowledgedBeforeKill: run1.acked.size,
    notAcknowledged: run1.unsent.length,
    failedRequests: run1.failed,
    secondsToKill: Math.round(seconds * 10) / 10,
    afterRestart: {
      health,
      acknowledgedPresent: afterCrash.found,
      acknowledgedMissing: afterCrash.missing.length,
      rowsInDatabase: afterCrash.rows,
      integrityCheck: afterCrash.integrity,
    },
    afterRetry: {
      retried: run1.unsent.length,
      retryAcknowledged: run2.acked.size,
      allPresent: complete.found,
      missing: complete.missing.length,
      rowsInDatabase: complete.rows,
      integrityCheck: complete.integrity,
    },
  };
  process.stdout.write(
    [
      `sent ${total} feedback records, ${concurrency} concurrent; SIGKILL after ${run1.acked.size} acknowledgements (${run1.unsent.length} not acknowledged: in flight or not yet sent)`,
      `after restart: ${afterCrash.found} of ${run1.acked.size} acknowledged records present, ${afterCrash.missing.length} missing; ${afterCrash.rows} rows; integrity_check ${afterCrash.integrity}`,
      `after retrying the ${run1.unsent.length} unacknowledged: ${complete.found} of ${total} present, ${complete.missing.length} missing; ${complete.rows} rows; integrity_check ${complete.integrity}`,
      JSON.stringify(summary),
      '',
    ].join('\n'),
  );
  if (afterCrash.missing.length > 0 || afterCrash.integrity !== 'ok' || complete.missing.length > 0) {
    exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = exitCode;
