import type { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvents } from '@marketswarm/shared/bus';
import { compileTruth, readTruthSources, type TopicRoute } from '@marketswarm/shared/truth';
import { repoRoot, startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import { openCallVertical, savedPutButterfly } from './user-book.fixtures.js';
import { UserBookReader } from './user-book.reader.js';

describe(UserBookReader.name, () => {
  let server: RedisServerHandle;
  let redis: Redis;
  let routes: { positions: TopicRoute; riskGraph: TopicRoute };
  let reader: UserBookReader;

  beforeAll(async () => {
    server = await startRedisServer();
    redis = server.client();
    const sources = await readTruthSources(`${repoRoot}/truth`, repoRoot);
    const compiled = compileTruth(sources.node, sources.components);
    if (!compiled.ok) throw new Error('the repository truth does not compile');
    const positions = compiled.truth.topics['positions'];
    const riskGraph = compiled.truth.topics['risk-graph'];
    if (!positions?.snapshot || !riskGraph?.snapshot) throw new Error('truth routes positions and risk-graph without snapshots');
    routes = { positions, riskGraph };
    reader = new UserBookReader(redis, pino({ level: 'silent' }), { positions: positions.snapshot, riskGraph: riskGraph.snapshot });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('reads the open trades and saved positions the journal published for the user', async () => {
    const trade = openCallVertical();
    const saved = savedPutButterfly();
    await publishEvents(redis, routes.positions, [{ topic: 'positions', type: 'snapshot', ts: 1, user: 'alice', data: { positions: [trade] } }]);
    await publishEvents(redis, routes.riskGraph, [{ topic: 'risk-graph', type: 'snapshot', ts: 1, user: 'alice', data: { positions: [saved] } }]);

    expect(await reader.read('alice')).toEqual({ openTrades: [trade], savedPositions: [saved] });
  });

  it('reads the latest list when the journal published twice', async () => {
    const later = openCallVertical({ id: 'trade-2', quantity: 1 });
    await publishEvents(redis, routes.positions, [{ topic: 'positions', type: 'snapshot', ts: 2, user: 'carol', data: { positions: [openCallVertical()] } }]);
    await publishEvents(redis, routes.positions, [{ topic: 'positions', type: 'snapshot', ts: 3, user: 'carol', data: { positions: [later] } }]);

    expect((await reader.read('carol')).openTrades).toEqual([later]);
  });

  it('never gives one user the book of another', async () => {
    await publishEvents(redis, routes.positions, [{ topic: 'positions', type: 'snapshot', ts: 1, user: 'alice', data: { positions: [openCallVertical()] } }]);

    expect(await reader.read('bob')).toEqual({ openTrades: [], savedPositions: [] });
  });

  it('reads a malformed snapshot value as an empty book instead of failing', async () => {
    await redis.hset(routes.positions.snapshot ?? '', 'mallory', '{"topic":"positions"');
    await redis.hset(routes.riskGraph.snapshot ?? '', 'mallory', JSON.stringify({ topic: 'risk-graph', type: 'snapshot', ts: 1, user: 'mallory', data: { positions: 'nope' } }));

    expect(await reader.read('mallory')).toEqual({ openTrades: [], savedPositions: [] });
  });
});
