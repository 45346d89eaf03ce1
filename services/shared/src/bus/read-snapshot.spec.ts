import { describe, expect, it } from 'vitest';
import { decodeSnapshot } from './read-snapshot.js';

const spot = (symbol: string, price: number, seq: number) => JSON.stringify({ topic: 'spot', type: 'tick', ts: 1_700_000_000_000, data: { symbol, price, seq } });

describe(decodeSnapshot.name, () => {
  it('returns every valid entry of the hash as a typed event of the topic', () => {
    const { events, skipped } = decodeSnapshot('spot', { SPX: spot('SPX', 5012.25, 7), NDX: spot('NDX', 17_500, 8) });
    expect(skipped).toEqual([]);
    expect(events.map((e) => [e.data.symbol, e.data.price, e.data.seq])).toEqual([
      ['SPX', 5012.25, 7],
      ['NDX', 17_500, 8],
    ]);
  });

  it('skips, and names, a field that is not JSON, fails the contract or holds another topic', () => {
    const gex = JSON.stringify({ topic: 'gex', type: 'model', ts: 1, data: { symbol: 'SPX', strikes: [] } });
    const { events, skipped } = decodeSnapshot('spot', { SPX: spot('SPX', 5000, 1), RUT: '{broken', NDX: spot('ndx', -1, 2), GEX: gex });
    expect(events.map((e) => e.data.symbol)).toEqual(['SPX']);
    expect(skipped.map((s) => s.field)).toEqual(['RUT', 'NDX', 'GEX']);
    expect(skipped[0]?.reason).toContain('invalid JSON');
    expect(skipped[1]?.reason).toContain('data.symbol: must be an upper-case ticker such as SPX');
    expect(skipped[1]?.reason).toContain('data.price');
    expect(skipped[2]?.reason).toBe('holds a "gex" event, not "spot"');
  });

  it('fills payload defaults, as a live event has them', () => {
    const alert = JSON.stringify({ topic: 'alerts', type: 'fired', ts: 1, user: 'u_1', data: { id: 'a1', message: 'SPX crossed 5000' } });
    expect(decodeSnapshot('alerts', { 'u_1:a1': alert }).events[0]?.data.severity).toBe('info');
  });
});
