import { describe, expect, it } from 'vitest';
import { integrityOf } from './integrity.js';

describe(integrityOf.name, () => {
  const scores = { gamma: 80, volumeProfile: 60, liquidity: 90, volatility: 40, session: 100 };
  // .30 × 80 + .25 × 60 + .20 × 90 + .15 × 40 + .10 × 100 = 24 + 15 + 18 + 6 + 10 = 73

  it('weighs the five scores .30/.25/.20/.15/.10 and applies the coherence multiplier', () => {
    expect(integrityOf(scores, 'stable')).toEqual({ weighted: expect.closeTo(73, 9) as number, globalIntegrity: expect.closeTo(73, 9) as number, state: 'VALID' });
    // × 0.85 = 62.05: DEGRADED; × 0.9 = 65.7; × 0.6 = 43.8: REVOKED.
    expect(integrityOf(scores, 'mixed')).toMatchObject({ globalIntegrity: expect.closeTo(62.05, 9) as number, state: 'DEGRADED' });
    expect(integrityOf(scores, 'recovered').globalIntegrity).toBeCloseTo(65.7, 9);
    expect(integrityOf(scores, 'collapsing')).toMatchObject({ globalIntegrity: expect.closeTo(43.8, 9) as number, state: 'REVOKED' });
  });
});
