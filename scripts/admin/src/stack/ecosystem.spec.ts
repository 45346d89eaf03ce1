import { compileRepoTruthSync } from '@marketswarm/shared/testing';
import { describe, expect, it } from 'vitest';
import { pm2NameOf, processPm2Names, redisPm2Names, restartAllTargets, surplusGatewayNames } from './ecosystem.js';

const { truth } = compileRepoTruthSync();

describe(processPm2Names.name, () => {
  it('starts one gateway by default and every instance when more are asked for, never Redis or the backup', () => {
    expect(processPm2Names(truth, {}).filter((n) => n.startsWith('fotw-sse'))).toEqual(['fotw-sse']);
    expect(processPm2Names(truth, { MS_SSE_INSTANCES: '3' }).filter((n) => n.startsWith('fotw-sse'))).toEqual(['fotw-sse', 'fotw-sse-2', 'fotw-sse-3']);
    const names = processPm2Names(truth, { MS_SSE_INSTANCES: '2' });
    for (const redis of redisPm2Names(truth)) expect(names).not.toContain(redis);
    expect(names).not.toContain('fotw-backup');
    expect(names).toContain('fotw-nginx');
  });
});

describe(surplusGatewayNames.name, () => {
  it('names the gateway instances pm2 runs beyond what this environment asks for', () => {
    const running = ['fotw-sse', 'fotw-sse-2', 'fotw-sse-3', 'fotw-journal', 'fotw-backup'];
    expect(surplusGatewayNames(truth, running, {})).toEqual(['fotw-sse-2', 'fotw-sse-3']);
    expect(surplusGatewayNames(truth, running, { MS_SSE_INSTANCES: '2' })).toEqual(['fotw-sse-3']);
    expect(surplusGatewayNames(truth, running, { MS_SSE_INSTANCES: '3' })).toEqual([]);
  });
});

describe(restartAllTargets.name, () => {
  it('restarts Redis and every process this environment asks for, never the backup', () => {
    const all = restartAllTargets(truth, ['fotw-sse', 'fotw-journal', 'fotw-backup'], {});
    expect(all.names).toEqual([...redisPm2Names(truth), ...processPm2Names(truth, {})]);
    expect(all.names).not.toContain('fotw-backup');
    expect(all.env).toEqual({});
  });

  it('also restarts the gateways an earlier up --gateways started, declaring enough of them for the ecosystem', () => {
    const all = restartAllTargets(truth, ['fotw-sse', 'fotw-sse-2', 'fotw-sse-3', 'fotw-journal'], {});
    expect(all.names.filter((n) => n.startsWith('fotw-sse'))).toEqual(['fotw-sse', 'fotw-sse-2', 'fotw-sse-3']);
    expect(all.env).toEqual({ MS_SSE_INSTANCES: '3' });
  });

  it('needs no other gateway count when the environment already asks for every running gateway', () => {
    const all = restartAllTargets(truth, ['fotw-sse', 'fotw-sse-2'], { MS_SSE_INSTANCES: '2' });
    expect(all.names.filter((n) => n.startsWith('fotw-sse'))).toEqual(['fotw-sse', 'fotw-sse-2']);
    expect(all.env).toEqual({});
  });
});

describe(pm2NameOf.name, () => {
  it('maps component ids, pm2 names, gateway instances and the backup to pm2 names', () => {
    expect(pm2NameOf(truth, 'sse')).toBe('fotw-sse');
    expect(pm2NameOf(truth, 'fotw-journal')).toBe('fotw-journal');
    expect(pm2NameOf(truth, 'sse-2')).toBe('fotw-sse-2');
    expect(pm2NameOf(truth, 'fotw-sse-2')).toBe('fotw-sse-2');
    expect(pm2NameOf(truth, 'fotw-backup')).toBe('fotw-backup');
  });

  it('refuses an unknown name and lists the known ones', () => {
    expect(() => pm2NameOf(truth, 'sse-9')).toThrow(/unknown process "sse-9" \(known: .*fotw-sse/);
  });
});
