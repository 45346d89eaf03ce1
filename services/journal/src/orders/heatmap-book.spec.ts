import { describe, expect, it } from 'vitest';
import { encodeStreamEntry, parseEvent } from '@marketswarm/shared/events';
import { diffHeatmap, heatmapSnapshot, makeTile, type HeatmapPayload, type HeatmapTile } from '@marketswarm/shared/models';
import { HeatmapBook } from './heatmap-book.js';

const EXPIRY = Date.UTC(2026, 2, 2, 21);
const c5000 = makeTile('single-call', 0, 0, 5000, 12.4, EXPIRY) as HeatmapTile;
const c5000Later = makeTile('single-call', 0, 0, 5000, 11.9, EXPIRY) as HeatmapTile;
const c5010 = makeTile('single-call', 0, 0, 5010, 8.1, EXPIRY) as HeatmapTile;

function entry(data: HeatmapPayload): string[] {
  const parsed = parseEvent({ topic: 'heatmap', type: data.kind, ts: 1, data });
  if (!parsed.ok) throw new Error('test event does not parse');
  return encodeStreamEntry(parsed.event);
}

describe(HeatmapBook.name, () => {
  const v1 = { [c5000.key]: c5000, [c5010.key]: c5010 };
  const v2 = { [c5000.key]: c5000Later };

  it('starts from the snapshot hash and applies the diff that follows it', () => {
    const book = new HeatmapBook();
    expect(book.reset({ SPX: JSON.stringify({ topic: 'heatmap', type: 'snapshot', ts: 1, data: heatmapSnapshot('SPX', 1, v1) }) })).toBe(0);
    expect(book.apply(entry(diffHeatmap('SPX', 1, v1, v2)))).toBe('applied');
    expect(book.tiles('SPX')).toEqual(v2);
  });

  it('ignores a diff the snapshot already holds, and reports a gap for one that skips a version', () => {
    const book = new HeatmapBook();
    book.reset({ SPX: JSON.stringify({ topic: 'heatmap', type: 'snapshot', ts: 1, data: heatmapSnapshot('SPX', 2, v2) }) });
    expect(book.apply(entry(diffHeatmap('SPX', 1, v1, v2)))).toBe('ignored');
    expect(book.apply(entry(diffHeatmap('SPX', 3, v2, v1)))).toBe('gap');
    expect(book.tiles('SPX')).toEqual(v2);
  });

  it('takes a streamed full snapshot as it is (the producer restarted) and skips a corrupt hash entry', () => {
    const book = new HeatmapBook();
    expect(book.reset({ SPX: '{not json' })).toBe(1);
    expect(book.apply(entry(heatmapSnapshot('SPX', 7, v1)))).toBe('applied');
    expect(book.tiles('SPX')).toEqual(v1);
    expect(book.tiles('NDX')).toBeUndefined();
  });
});
