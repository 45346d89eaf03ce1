import { describe, expect, it } from 'vitest';
import { gatewayInstance, presenceRecord } from './gateway-presence.js';

const stat = (id: number, route: string) => ({ id, route, topics: [], connectedAt: 0, pendingBytes: 0 });

describe('gatewayInstance', () => {
  it('is host:port unless the stack names the gateway', () => {
    expect(gatewayInstance({}, 'box', 3001)).toBe('box:3001');
    expect(gatewayInstance({ MS_GATEWAY_INSTANCE: 'sse-2' }, 'box', 3021)).toBe('sse-2');
    expect(gatewayInstance({ MS_GATEWAY_INSTANCE: '  ' }, 'box', 3001)).toBe('box:3001');
  });
});

describe('presenceRecord', () => {
  it('counts the open streams in total and per route', () => {
    const record = presenceRecord(
      { instance: 'box:3001', pid: 7, host: 'box', port: 3001, ts: 1000, intervalMs: 2000, cursors: { '{market}:stream:spot': '5-0' } },
      [stat(1, 'market'), stat(2, 'all'), stat(3, 'market')],
    );
    expect(record).toEqual({
      instance: 'box:3001',
      pid: 7,
      host: 'box',
      port: 3001,
      ts: 1000,
      intervalMs: 2000,
      cursors: { '{market}:stream:spot': '5-0' },
      connections: 3,
      byRoute: { market: 2, all: 1 },
    });
  });

  it('reports an idle gateway with no connections', () => {
    expect(presenceRecord({ instance: 'i', pid: 1, host: 'h', port: null, ts: 0, intervalMs: 2000, cursors: {} }, [])).toMatchObject({ connections: 0, byRoute: {} });
  });
});
