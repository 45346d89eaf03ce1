import { describe, expect, it } from 'vitest';
import type { CrossingEntry } from './crossing-entry.js';
import { LinearCrossingScan } from './linear-crossing-scan.js';

function alert(id: string, level: number, direction: CrossingEntry['direction'], symbol = 'SPX'): CrossingEntry {
  return { id, userId: `user-${id}`, symbol, level, direction };
}

describe(LinearCrossingScan.name, () => {
  it('fires every alert of the symbol that the move passed through', () => {
    const scan = new LinearCrossingScan();
    scan.upsert(alert('a', 5000, 'above'));
    scan.upsert(alert('b', 5010, 'cross'));
    scan.upsert(alert('c', 5005, 'below'));
    scan.upsert(alert('d', 5005, 'cross', 'NDX'));
    expect(scan.crossed('SPX', 4990, 5010).map((hit) => hit.id).sort()).toEqual(['a', 'b']);
  });

  it('replaces an alert on upsert and forgets it on removal', () => {
    const scan = new LinearCrossingScan();
    scan.upsert(alert('a', 5000, 'above'));
    scan.upsert(alert('a', 5100, 'above'));
    expect(scan.crossed('SPX', 4990, 5010)).toEqual([]);
    expect(scan.size()).toBe(1);
    scan.remove('a');
    scan.remove('unknown');
    expect(scan.size()).toBe(0);
  });

  it('refuses a level that is not a finite number', () => {
    expect(() => new LinearCrossingScan().upsert(alert('a', Number.POSITIVE_INFINITY, 'cross'))).toThrow(/finite/);
  });
});
