import { describe, expect, it } from 'vitest';
import { inRiskKeys } from './in-risk-keys';

describe(inRiskKeys.name, () => {
  it('collects the symbol’s what-if tiles and saved positions made from a tile', () => {
    const keys = inRiskKeys(
      'SPX',
      [
        { symbol: 'SPX', tile: { key: 'butterfly-call:0:10:5005' } },
        { symbol: 'NDX', tile: { key: 'butterfly-call:0:25:18000' } },
      ],
      [
        { symbol: 'SPX', source: { kind: 'tile', key: 'iron-fly:0:20:5000' } },
        { symbol: 'SPX' },
      ],
    );
    expect([...keys].sort()).toEqual(['butterfly-call:0:10:5005', 'iron-fly:0:20:5000']);
  });

  it('no longer marks a what-if whose legs the trader edited, nor one built from a template', () => {
    const keys = inRiskKeys('SPX', [{ symbol: 'SPX', tile: { key: 'butterfly-call:0:10:5005' }, legs: [] }, { symbol: 'SPX', legs: [] }], []);
    expect(keys.size).toBe(0);
  });
});
