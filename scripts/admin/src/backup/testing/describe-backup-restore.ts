import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSignedInAccount,
  loadRepoTruth,
  startPostgresServer,
  startRedisTrio,
  startServiceProcess,
  type PostgresServerHandle,
  type RedisTrio,
  type ServiceProcess,
  type SignedInAccount,
} from '@marketswarm/shared/testing';
import type { JournalTarget } from '../journal-target.js';
import { runBackup } from '../run-backup.js';
import { applyRestore, previewRestore } from '../run-restore.js';
import { sqliteTableCounts } from '../table-counts.js';

type Json = Record<string, unknown>;

/** One option fill as the journal page posts it. */
const fill = (underlying: string, strike: number, side: 'buy' | 'sell', effect: 'open' | 'close', price: number, at: string) => ({
  executedAt: at,
  instrument: { kind: 'option', underlying, expiry: '2027-03-19', strike, right: 'C' },
  side,
  positionEffect: effect,
  quantity: 2,
  price,
  commission: 0.65,
  exchangeFee: 0.0125,
});

/** A round trip typed by hand, opened and closed on day `i`: a closed trade of its own, never grouped with another. */
const roundTrip = (i: number) => {
  const [open, close] = i % 3 ? (['buy', 'sell'] as const) : (['sell', 'buy'] as const);
  const underlying = i % 2 ? 'SPXW' : 'QQQ';
  const day = `2027-03-${String(1 + i).padStart(2, '0')}`;
  return [fill(underlying, 500 + i * 5, open, 'open', 10 + i, `${day}T10:00:00-05:00`), fill(underlying, 500 + i * 5, close, 'close', 12.5 + i, `${day}T15:00:00-05:00`)];
};

const journalCall = async (journal: ServiceProcess, who: SignedInAccount, method: string, route: string, body?: unknown): Promise<{ status: number; body: Json }> => {
  const res = await fetch(`${journal.url}${route}`, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
};

/** Enters `count` trades through the journal's REST route and returns each as GET /api/trades/:id answers it. */
const enterTrades = async (journal: ServiceProcess, who: SignedInAccount, count: number, first = 0): Promise<Json[]> => {
  const logs = await journalCall(journal, who, 'GET', '/api/logs');
  const logId = (logs.body['logs'] as { id: string }[])[0]!.id;
  const trades: Json[] = [];
  for (let i = first; i < first + count; i++) {
    const entered = await journalCall(journal, who, 'POST', `/api/logs/${logId}/trades`, { fills: roundTrip(i) });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const id = (entered.body['trades'] as { id: string }[])[0]!.id;
    trades.push((await journalCall(journal, who, 'GET', `/api/trades/${id}`)).body);
  }
  return trades;
};

const readTrades = async (journal: ServiceProcess, who: SignedInAccount, ids: readonly unknown[]): Promise<Json[]> =>
  Promise.all(ids.map(async (id) => (await journalCall(journal, who, 'GET', `/api/trades/${String(id)}`)).body));

/**
 * The promise of a backup, on one dialect: trades written by the real journal process are all
 * there, field for field, after the database is destroyed and restored from a backup taken while
 * the journal ran. One journal process serves the first specs and is started again only after the
 * restore (each start costs seconds); each dialect has its own spec file, so vitest runs them side by side.
 */
export function describeBackupRestore(dialect: JournalTarget['dialect']): void {
  describe(`journal backup and restore on ${dialect}`, () => {
    let redis: RedisTrio;
    let postgres: PostgresServerHandle | undefined;
    let runDir: string;
    let target: JournalTarget;
    let destroy: () => Promise<void>;
    /** The dry run's backup, one trade behind the database it leaves. */
    let behind: string | undefined;

    beforeAll(async () => {
      runDir = await mkdtemp(path.join(tmpdir(), `ms-backup-${dialect}-`));
      [redis, postgres] = await Promise.all([startRedisTrio(), dialect === 'postgres' ? startPostgresServer() : undefined]);
      if (!postgres) {
        const file = path.join(runDir, 'data/journal.sqlite');
        target = { dialect: 'sqlite', file };
        await loadRepoTruth(redis.system.client());
        destroy = async () => {
          for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true });
        };
      } else {
        const server = postgres;
        const admin = new pg.Client(server.url);
        await admin.connect();
        await admin.query('CREATE DATABASE journal_backup');
        await admin.end();
        target = { dialect: 'postgres', url: server.urlFor('journal_backup') };
        await loadRepoTruth(redis.system.client(), {
          patch: (truth) => void Object.assign(truth.components['journal']!.settings, { database: 'postgres' }),
          secrets: { journal: { postgresUrl: target.url } },
        });
        destroy = async () => {
          const db = new pg.Client(server.urlFor('journal_backup'));
          await db.connect();
          await db.query('DROP SCHEMA public CASCADE');
          await db.end();
        };
      }
    });

    afterAll(async () => {
      await redis?.stop();
      await postgres?.stop();
      if (runDir) await rm(runDir, { recursive: true, force: true });
    });

    // A generous start deadline: Nest boots in about a second, but CI machines run many specs at once.
    const startJournal = () => startServiceProcess({ dir: 'services/journal', env: { ...redis.env, MS_RUN_DIR: runDir }, timeoutMs: 60_000 });

    describe('with the journal running', () => {
      let journal: ServiceProcess | undefined;

      beforeAll(async () => {
        journal = await startJournal();
      });

      afterAll(async () => {
        if (journal) expect(await journal.stop()).toBe(0);
      });

      it('restores every trade with identical fields after the database is destroyed', async () => {
        const trader = await createSignedInAccount(redis.system.client(), `restore-${dialect}@example.com`);
        const trades = await enterTrades(journal!, trader, 4);
        // Taken while the journal runs: the online backup needs no downtime.
        const backup = await runBackup({ target, dir: path.join(runDir, 'backups') });
        const stopped = journal!;
        journal = undefined;
        expect(await stopped.stop()).toBe(0);
        expect(path.basename(backup.file)).toMatch(dialect === 'sqlite' ? /^journal-.*Z\.sqlite\.gz$/ : /^journal-.*Z\.pgdump$/);
        expect(backup.manifest).toMatchObject({ dialect, file: path.basename(backup.file), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
        expect(backup.manifest.tables['trades']).toBe(4);

        await destroy();
        const preview = await previewRestore(backup.file, target);
        expect(preview.tables.find((t) => t.table === 'trades')).toEqual({ table: 'trades', current: null, backup: 4 });
        await applyRestore(preview);

        journal = await startJournal();
        expect(await readTrades(journal, trader, trades.map((t) => t['id']))).toEqual(trades);
      }, 120_000);

      it('on a dry run lists the rows it would replace and changes nothing', async () => {
        const trader = await createSignedInAccount(redis.system.client(), `dry-run-${dialect}@example.com`);
        const before = await enterTrades(journal!, trader, 2, 10);
        const backup = await runBackup({ target, dir: path.join(runDir, 'backups') }, new Date(Date.now() + 1000));
        const after = await enterTrades(journal!, trader, 1, 20);
        const preview = await previewRestore(backup.file, target);
        const trades = preview.tables.find((t) => t.table === 'trades')!;
        expect(trades.current).toBe(trades.backup! + 1);
        expect(preview.replaces).toBe(target.dialect === 'sqlite' ? target.file : postgres!.urlFor('journal_backup'));
        const ids = [...before, ...after].map((t) => t['id']);
        expect(await readTrades(journal!, trader, ids)).toEqual([...before, ...after]);
        behind = backup.file;
      }, 60_000);
    });

    it('restores over a live database, keeping the data it replaced aside', async () => {
      const preview = await previewRestore(behind!, target);
      const rows = preview.tables.find((t) => t.table === 'trades')!;
      const { previous } = await applyRestore(preview, new Date('2026-12-07T02:15:00Z'));
      if (target.dialect === 'sqlite') {
        expect(previous).toBe(`${target.file}.before-restore-2026-12-07T02-15-00-000Z`);
        expect(sqliteTableCounts(previous!)['trades']).toBe(rows.current);
        expect(sqliteTableCounts(target.file)['trades']).toBe(rows.backup);
      } else {
        expect(previous).toBe('public_before_restore_20261207021500');
        const db = new pg.Client(target.url);
        await db.connect();
        try {
          const count = async (schema: string) => Number((await db.query<{ n: string }>(`select count(*) as n from "${schema}".trades`)).rows[0]!.n);
          expect(await count(previous!)).toBe(rows.current);
          expect(await count('public')).toBe(rows.backup);
        } finally {
          await db.end();
        }
      }
    });

    it('refuses a backup whose bytes no longer match its manifest', async () => {
      const backup = await runBackup({ target, dir: path.join(runDir, 'backups') }, new Date(Date.now() + 2000));
      await appendFile(backup.file, 'x');
      await expect(previewRestore(backup.file, target)).rejects.toThrow(/damaged or incomplete/);
    });
  });
}
