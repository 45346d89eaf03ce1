import { describe, expect, it } from 'vitest';
import { gatewayInstance, presenceRecord } from './gateway-presence.js';

const stat = (id: number, route: string) => ({ id, route, topics: [], connectedAt: 0, pendingBytes: 0 });

describe('gatewayInstance', () => {
  it('is the service id the gateway beats under, at its host', () => {
    expect(gatewayInstance({}, 'box')).toBe('sse@box');
    expect(gatewayInstance({ MS_INSTANCE: '1' }, 'box')).toBe('sse@box');
    expect(gatewayInstance({ MS_INSTANCE: '2' }, 'box')).toBe('sse-2@box');
    expect(gatewayInstance({ MS_INSTANCE: '2' }, 'other')).toBe('sse-2@other');
  });
});

describe('presenceRecord', () => {
  it('counts the open streams in total and per route', () => {
    const record = presenceRecord(
      { instance: 'sse@box', pid: 7, host: 'box', port: 3001, ts: 1000, intervalMs: 2000, cursors: { '{market}:stream:spot': '5-0' } },
      [stat(1, 'market'), stat(2, 'all'), stat(3, 'market')],
    );
    expect(record).toEqual({
      instance: 'sse@box',
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
