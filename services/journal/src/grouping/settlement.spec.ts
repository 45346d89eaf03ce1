import { describe, expect, it } from 'vitest';
import { isAmSettled, occRoot, underlyingRoot } from './instrument-root.js';
import { intrinsicValue, settlementTime } from './settlement-time.js';

describe('underlying roots', () => {
  it('names a trade by the index a weekly root settles on, and a futures contract by its root', () => {
    expect(['SPXW', 'spx', 'NDXP', 'RUTW', 'XSP', 'NVDA', '/ESU25', '/MESU4', '/CLJ4', '/M2KU5', '/ES', 'F'].map(underlyingRoot)).toEqual([
      'SPX', 'SPX', 'NDX', 'RUT', 'XSP', 'NVDA', '/ES', '/MES', '/CL', '/M2K', '/ES', 'F',
    ]);
  });

  it('reads the root of an OCC symbol only', () => {
    expect([occRoot('SPXW  261207P06000000'), occRoot('SPX   261218C06000000'), occRoot('/ESZ26 2026-12-18 6000C')]).toEqual(['SPXW', 'SPX', undefined]);
  });

  it('AM settlement: SPX/NDX/RUT on the third Friday, VIX always; weeklies and XSP never', () => {
    // December 2026: Fridays 4, 11, 18 — the 18th is the third
    expect([isAmSettled('SPX', '2026-12-18'), isAmSettled('SPX', '2026-12-11'), isAmSettled('SPXW', '2026-12-18'), isAmSettled('XSP', '2026-12-18'), isAmSettled('VIX', '2026-12-16'), isAmSettled('RUT', '2026-12-18')]).toEqual([
      true, false, false, false, true, true,
    ]);
  });
});

describe('settlement time', () => {
  it('is 16:00 (PM) or 09:30 (AM) New York, DST-aware', () => {
    // December: EST, UTC−5 → 21:00 UTC and 14:30 UTC
    expect(settlementTime('2026-12-18', false)).toBe(Date.parse('2026-12-18T21:00:00Z'));
    expect(settlementTime('2026-12-18', true)).toBe(Date.parse('2026-12-18T14:30:00Z'));
    // July: EDT, UTC−4 → 20:00 UTC; March 20 is after the 8 March 2026 switch → 13:30 UTC
    expect(settlementTime('2026-07-17', false)).toBe(Date.parse('2026-07-17T20:00:00Z'));
    expect(settlementTime('2026-03-20', true)).toBe(Date.parse('2026-03-20T13:30:00Z'));
    expect(settlementTime('next friday', false)).toBeUndefined();
  });

  it('values an option at what it is in the money by', () => {
    // 6000 put at 5992.40 → 7.60; 6000 call → 0; 5990 call → 2.40
    expect([intrinsicValue('P', 6_000_000_000, 5_992_400_000), intrinsicValue('C', 6_000_000_000, 5_992_400_000), intrinsicValue('C', 5_990_000_000, 5_992_400_000)]).toEqual([7_600_000, 0, 2_400_000]);
  });
});
