import { describe, expect, it } from 'vitest';
import type { HeartbeatRecord } from '../heartbeat/heartbeat-record.js';
import { componentSchema } from '../truth/index.js';
import { pickHeartbeat, processInstances, type Pm2ProcessRef } from './process-instances.js';

const sse = componentSchema.parse({ id: 'sse', meta: { name: 's', description: 's', kind: 'service', version: '1.0.0', pm2: 'fotw-sse' }, heartbeat: { intervalMs: 1000, ttlSec: 5 } });
const proc = (name: string, pmId: number): Pm2ProcessRef => ({ name, pmId, pid: 100 + pmId });
const beat = (service: string, pid: number): HeartbeatRecord => ({ service, version: '1', pid, host: 'h', port: null, startedAt: 0, ts: 1, uptimeSec: 0, intervalMs: 1000, truthVersion: null });

describe(processInstances.name, () => {
  it('gives one instance per process of the component, and a place without a process when pm2 does not run it', () => {
    expect(processInstances(sse, [proc('fotw-sse', 0), proc('fotw-intel', 1)]).map((i) => [i.id, i.pm2Name, i.process?.pmId, i.shared])).toEqual([['sse', 'fotw-sse', 0, false]]);
    expect(processInstances(sse, [])).toMatchObject([{ id: 'sse', pm2Name: 'fotw-sse', process: null, heartbeatIds: ['sse'] }]);
  });

  it('adds a second gateway fotw-sse-2 as its own instance, whose own heartbeat id comes first', () => {
    expect(processInstances(sse, [proc('fotw-sse-2', 5), proc('fotw-sse', 4)]).map((i) => [i.id, i.pm2Name, i.shared, i.heartbeatIds])).toEqual([
      ['sse', 'fotw-sse', true, ['sse']],
      ['sse-2', 'fotw-sse-2', true, ['sse-2', 'sse']],
    ]);
  });

  it('keeps the place of the first instance when only a second one runs', () => {
    expect(processInstances(sse, [proc('fotw-sse-2', 5)]).map((i) => [i.id, i.process?.pmId ?? null])).toEqual([
      ['sse', null],
      ['sse-2', 5],
    ]);
  });

  it('tells pm2 cluster workers of one name apart by pm id', () => {
    expect(processInstances(sse, [proc('fotw-sse', 7), proc('fotw-sse', 6)]).map((i) => i.id)).toEqual(['sse#6', 'sse#7']);
  });

  it('does not take another name that merely starts with the same letters', () => {
    expect(processInstances(sse, [proc('fotw-sse-admin', 8)])).toMatchObject([{ id: 'sse', process: null }]);
  });

  it('gives a component pm2 does not run one place without a pm2 name', () => {
    const external = { ...sse, meta: { ...sse.meta, pm2: undefined } };
    expect(processInstances(external, [proc('fotw-sse', 0)])).toMatchObject([{ id: 'sse', pm2Name: null, process: null }]);
  });
});

describe(pickHeartbeat.name, () => {
  const [first, second] = processInstances(sse, [proc('fotw-sse', 0), proc('fotw-sse-2', 1)]);
  if (!first || !second) throw new Error('two instances expected');

  it("picks the record the instance's own pid wrote, whichever of its ids holds it", () => {
    expect(pickHeartbeat(second, new Map([['sse', beat('sse', 100)], ['sse-2', beat('sse-2', 101)]]))).toMatchObject({ kind: 'own', record: { pid: 101 } });
    expect(pickHeartbeat(first, new Map([['sse', beat('sse', 100)]]))).toMatchObject({ kind: 'own', record: { pid: 100 } });
  });

  it("gives another instance's record as other, saying the component is shared, and missing without any", () => {
    expect(pickHeartbeat(second, new Map([['sse', beat('sse', 100)], ['sse-2', null]]))).toMatchObject({ kind: 'other', shared: true, record: { pid: 100 } });
    expect(pickHeartbeat(second, new Map())).toEqual({ kind: 'missing' });
  });

  it('gives the record of a gone pid as other, not shared, for a component with one process', () => {
    const [only] = processInstances(sse, [proc('fotw-sse', 3)]);
    if (!only) throw new Error('one instance expected');
    expect(pickHeartbeat(only, new Map([['sse', beat('sse', 99)]]))).toMatchObject({ kind: 'other', shared: false });
    expect(pickHeartbeat({ ...only, process: null }, new Map([['sse', beat('sse', 99)]]))).toMatchObject({ kind: 'other', shared: false });
  });
});
