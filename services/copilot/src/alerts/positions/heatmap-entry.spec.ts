import { describe, expect, it } from 'vitest';
import { encodeStreamEntry } from '@marketswarm/shared/events';
import { makeTile } from '@marketswarm/shared/models';
import { readHeatmapEntry } from './heatmap-entry.js';

const tile = makeTile('single-call', 0, 0, 6000, 12.5, Date.UTC(2026, 11, 7, 21), 0.18);
const entry = (symbol: string): string[] =>
  encodeStreamEntry({ topic: 'heatmap', type: 'diff', ts: 1_000, data: { symbol, version: 2, kind: 'diff', tiles: tile ? { [tile.key]: tile } : {} } } as never);

describe(readHeatmapEntry.name, () => {
  it('decodes the event of a watched symbol', () => {
    const read = readHeatmapEntry(entry('SPX'), (symbol) => symbol === 'SPX');
    expect(read.wanted && read.decoded.ok && read.decoded.event.topic).toBe('heatmap');
  });

  it('names the symbol of an event nobody watches without validating it', () => {
    // Tiles that would fail the contract: a watched symbol's event would be invalid.
    const broken = ['e', JSON.stringify({ topic: 'heatmap', type: 'diff', ts: 1_000, data: { symbol: 'NDX', version: 2, kind: 'diff', tiles: { x: { key: 'x' } } } })];
    expect(readHeatmapEntry(broken, (symbol) => symbol === 'SPX')).toEqual({ wanted: false, symbol: 'NDX' });
    const decoded = readHeatmapEntry(broken, () => true);
    expect(decoded.wanted && decoded.decoded.ok).toBe(false);
  });

  it('hands an entry whose symbol cannot be read to the decoder, so it is counted invalid', () => {
    for (const fields of [['e', '{not json'], ['x', '{}'], ['e', JSON.stringify({ topic: 'heatmap', data: 'none' })]]) {
      const read = readHeatmapEntry(fields, () => false);
      expect(read.wanted && read.decoded.ok).toBe(false);
    }
  });
});
