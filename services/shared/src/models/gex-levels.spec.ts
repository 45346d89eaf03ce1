import { describe, expect, it } from 'vitest';
import { computeGex } from './gex.js';
import { GEX_LEVEL_NAMES, gexLevels } from './gex-levels.js';
import type { ChainOption } from './chain.js';

const option = (type: 'call' | 'put', strike: number, openInterest: number): ChainOption => ({ type, strike, expiry: 1, mid: 1, gamma: 0.01, openInterest });

describe('gexLevels', () => {
  it('lists the call wall, put wall and gamma flip that computeGex found', () => {
    // Net GEX by strike: 4990 −2000 OI of puts, 5000 +500, 5010 +3000 calls → put wall 4990, call wall 5010, flip between 4990 and 5000.
    const profile = computeGex([option('put', 4990, 2000), option('call', 5000, 500), option('call', 5010, 3000)], 5000);
    expect(gexLevels(profile)).toEqual([
      { kind: 'call-wall', level: 5010 },
      { kind: 'put-wall', level: 4990 },
      { kind: 'flip', level: profile.flip },
    ]);
    expect(profile.flip).toBe(4998);
  });

  it('reads the same fields from a gex payload and leaves out missing or unusable ones', () => {
    expect(gexLevels({ symbol: 'SPX', strikes: [], callWall: 6050, putWall: Number.NaN, flip: '5990' })).toEqual([{ kind: 'call-wall', level: 6050 }]);
  });

  it('names the levels as the GEX panel does', () => {
    expect(GEX_LEVEL_NAMES).toEqual({ 'call-wall': 'call wall', 'put-wall': 'put wall', flip: 'gamma flip' });
  });
});
