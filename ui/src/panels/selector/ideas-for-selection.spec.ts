import { describe, expect, it } from 'vitest';
import { testTile } from '../heatmap/testing/test-tile';
import { ideasForSelection } from './ideas-for-selection';

// SPX at 5004: flies centred near spot with good reward/risk, in 0DTE and 1DTE.
const tiles = [
  testTile('butterfly-call', 0, 10, 5005, 2.4),
  testTile('butterfly-put', 0, 10, 5005, 2.2),
  testTile('butterfly-call', 0, 10, 5010, 2.0),
  testTile('butterfly-call', 1, 10, 5005, 3.1),
  testTile('iron-fly', 0, 10, 5005, -7.6),
  testTile('vertical-call', 0, 10, 5000, 5.5),
  testTile('single-call', 0, 0, 5005, 9.5),
];

describe(ideasForSelection.name, () => {
  it('ranks only the family and DTE the heatmap shows', () => {
    const { ideas, dte, family } = ideasForSelection(tiles, 5004, { family: 'butterfly', dte: 1 });
    expect(dte).toBe(1);
    expect(family).toBe('butterfly');
    expect(ideas.map((i) => i.tile.key)).toEqual(['butterfly-call:1:10:5005']);
  });

  it('never lists the call fly and the put fly at one strike as two ideas', () => {
    const keys = ideasForSelection(tiles, 5004, { family: 'butterfly', dte: 0 }).ideas.map((i) => i.tile.key);
    expect(keys.filter((k) => k.endsWith(':10:5005'))).toHaveLength(1);
    expect(keys).toContain('butterfly-call:0:10:5010');
  });

  it('falls back to the nearest DTE when the pick is absent, as the heatmap does', () => {
    expect(ideasForSelection(tiles, 5004, { family: 'iron-fly', dte: 7 }).dte).toBe(0);
    expect(ideasForSelection(tiles, 5004, { family: 'butterfly', dte: undefined }).dte).toBe(0);
  });

  it('ranks every family when singles are picked, since a single has no reward/risk to rank by', () => {
    const { ideas, family } = ideasForSelection(tiles, 5004, { family: 'single', dte: 0 });
    expect(family).toBeUndefined();
    expect(ideas.length).toBeGreaterThan(0);
    expect(ideas.every((i) => !i.tile.strategy.startsWith('single'))).toBe(true);
  });

  it('is empty without tiles of the family', () => {
    expect(ideasForSelection(tiles, 5004, { family: 'bwb', dte: 0 })).toEqual({ ideas: [], dte: undefined, family: 'bwb' });
  });
});
