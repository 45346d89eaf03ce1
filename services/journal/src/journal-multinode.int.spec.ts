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
import { JOURNAL_MIGRATIONS } from './database/migrations/index.js';

type Json = Record<string, unknown>;

/**
 * The multi-node layout: two journal processes (two hosts behind nginx, in production) started at
 * the same moment against one fresh PostgreSQL database. Both come up, the schema is migrated
 * once (Kysely's advisory lock serialises the two runs), and each serves what the other wrote.
 */
describe('two journal processes on one PostgreSQL database', () => {
  let redis: RedisTrio;
  let postgres: PostgresServerHandle;
  let nodes: ServiceProcess[] = [];
  let trader: SignedInAccount;

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedisTrio(), startPostgresServer()]);
    const admin = new pg.Client(postgres.url);
    await admin.connect();
    await admin.query('CREATE DATABASE journal_multinode');
    await admin.end();
    await loadRepoTruth(redis.system.client(), {
      patch: (truth) => void Object.assign(truth.components['journal']!.settings, { database: 'postgres' }),
      secrets: { journal: { postgresUrl: postgres.urlFor('journal_multinode') } },
    });
    // Started together, not one after the other, so both reach their migration at once.
    const start = () => startServiceProcess({ dir: 'services/journal', env: { ...redis.env, LOG_LEVEL: 'info' }, timeoutMs: 60_000 });
    nodes = await Promise.all([start(), start()]);
    trader = await createSignedInAccount(redis.system.client(), 'two-nodes@example.com');
  }, 120_000);

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await redis?.stop();
    await postgres?.stop();
  });

  const call = async (node: ServiceProcess, method: string, route: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${node.url}${route}`, {
      method,
      headers: { cookie: trader.cookie, 'x-csrf-token': trader.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };

  it('migrates the schema once: one process applies every migration, the other finds it up to date', async () => {
    const outputs = nodes.map((node) => node.output());
    expect(outputs.filter((o) => o.includes('journal database migrated'))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes('journal database up to date'))).toHaveLength(1);
    const db = new pg.Client(postgres.urlFor('journal_multinode'));
    await db.connect();
    try {
      const applied = (await db.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((r) => r.name);
      expect(applied).toEqual(Object.keys(JOURNAL_MIGRATIONS));
    } finally {
      await db.end();
    }
  });

  it('serves a trade entered through one process from the other, and an edit made on the other back on the first', async () => {
    const [first, second] = nodes as [ServiceProcess, ServiceProcess];
    const logs = await call(first, 'GET', '/api/logs');
    const logId = (logs.body['logs'] as { id: string }[])[0]!.id;
    const fill = (side: 'buy' | 'sell', effect: 'open' | 'close', price: number, at: string) => ({
      executedAt: at,
      instrument: { kind: 'option', underlying: 'SPXW', expiry: '2027-03-19', strike: 6000, right: 'C' },
      side,
      positionEffect: effect,
      quantity: 1,
      price,
      commission: 0.65,
    });
    const entered = await call(first, 'POST', `/api/logs/${logId}/trades`, { fills: [fill('buy', 'open', 30, '2027-03-01T10:00:00-05:00'), fill('sell', 'close', 42.5, '2027-03-02T10:00:00-05:00')] });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const id = (entered.body['trades'] as { id: string }[])[0]!.id;
    const onFirst = await call(first, 'GET', `/api/trades/${id}`);

    const onSecond = await call(second, 'GET', `/api/trades/${id}`);
    expect(onSecond).toEqual(onFirst);
    const listed = await call(second, 'GET', `/api/logs/${logId}/trades`);
    expect((listed.body['trades'] as { id: string }[]).map((t) => t.id)).toEqual([id]);

    expect((await call(second, 'PATCH', `/api/trades/${id}`, { notes: 'edited on the second node' })).status).toBe(200);
    expect((await call(first, 'GET', `/api/trades/${id}`)).body['notes']).toBe('edited on the second node');
  });
});
