import { describe, expect, it } from 'vitest';
import { BALANCED_BARS, CHOPPY_BARS } from './fixtures/candle-days.js';
import { PINNED_GEX } from './fixtures/gex-profile.js';
import { HEATMAP_TILES } from './fixtures/heatmap-tiles.js';
import { NOW, nyTime } from './fixtures/market-clock.js';
import { BREAKOUT_SESSION, PINNED_SESSION } from './fixtures/mel-sessions.js';
import { BREAKOUT_TRAIL, PINNED_TRAIL } from './fixtures/spot-trails.js';
import { gammaScore } from './gamma-score.js';
import { liquidityScore } from './liquidity-score.js';
import { tilesForDte } from './mel-inputs.js';
import { melSnapshotOf } from './mel-snapshot.js';
import { sessionScore } from './session-score.js';
import { volatilityScore } from './volatility-score.js';
import { volumeProfile, volumeProfileScore } from './volume-profile-score.js';

// Recorded market sequences (fixtures/) scored at a fixed clock, NOW = Friday 2026-12-04 11:00 New York.
// GEX: put wall 5950, call wall 6050 (band 100, half 50), magnet 6000 (|net| 100, the largest).

describe(gammaScore.name, () => {
  it('scores a session pinned to the big gamma strike between the walls VALID', () => {
    // Trail: 6000, then 6004/5996 alternately, 31 prints, last 5996.
    // levelRespect  31 of 31 prints inside [5950, 6050]                       → 100
    // meanReversion path = 4 + 29 × 8 = 236, net |5996 − 6000| = 4: 100 × (1 − 4/236) → 98.305085
    // pin           mean = (6000 + 15 × 6004 + 15 × 5996) / 31 = 6000 = magnet  → 100
    // violations    no print leaves the band                                  → 100
    // stability     range 6004 − 5996 = 8 of the 100 band: 100 × (1 − 0.08)  → 92
    // dealerControl strikes within 50 of 5996: 5950 (−40), 5975 (+10), 6000 (+100), 6025 (+20):
    //               positive 130 of |net| 170                                 → 76.470588
    // score = (100 + 98.305085 + 100 + 100 + 92 + 76.470588) / 6 = 566.775673 / 6 → 94.462612
    const scored = gammaScore({ trail: PINNED_TRAIL, gex: PINNED_GEX, spot: { price: 5996, ts: NOW } });
    expect(scored.components['levelRespect']).toBeCloseTo(100, 6);
    expect(scored.components['meanReversion']).toBeCloseTo(98.305085, 6);
    expect(scored.components['pin']).toBeCloseTo(100, 6);
    expect(scored.components['violations']).toBeCloseTo(100, 6);
    expect(scored.components['stability']).toBeCloseTo(92, 6);
    expect(scored.components['dealerControl']).toBeCloseTo(76.470588, 6);
    expect(scored.score).toBeCloseTo(94.462612, 6);
    // A full half hour of prints and published walls.
    expect(scored.confidence).toBe(1);
  });

  it('scores a trending breakout through the call wall REVOKED', () => {
    // Trail: 6020 + 3i for i = 0…30, last 6110; the 6050 wall is crossed between minutes 10 and 11.
    // levelRespect  prints ≤ 6050: i = 0…10, 11 of 31: 100 × 11/31            → 35.483871
    // meanReversion net 90 = path 90                                          → 0
    // pin           mean 6065, 65 from the magnet, more than the half band 50  → 0
    // violations    one outward break: 100 − 25                               → 75
    // stability     range 90 of the 100 band: 100 × (1 − 0.9)                 → 10
    // dealerControl strikes within 50 of 6110: 6100 (−30), 6125 (−10): none positive → 0
    // score = (35.483871 + 0 + 0 + 75 + 10 + 0) / 6 = 120.483871 / 6          → 20.080645
    const scored = gammaScore({ trail: BREAKOUT_TRAIL, gex: PINNED_GEX, spot: { price: 6110, ts: NOW } });
    expect(scored.components).toEqual({
      levelRespect: expect.closeTo(35.483871, 6) as number,
      meanReversion: 0,
      pin: 0,
      violations: 75,
      stability: expect.closeTo(10, 6) as number,
      dealerControl: 0,
    });
    expect(scored.score).toBeCloseTo(20.080645, 6);
  });

  it('has nothing to stand on without GEX or with a single print', () => {
    expect(gammaScore({ trail: PINNED_TRAIL, gex: null, spot: null })).toEqual({ score: 0, components: {}, confidence: 0 });
    expect(gammaScore({ trail: PINNED_TRAIL.slice(0, 1), gex: PINNED_GEX, spot: null }).confidence).toBe(0);
  });
});

describe(volumeProfileScore.name, () => {
  it('scores a balanced auction accepted in its value area VALID', () => {
    // Volume by price (step 1 point at 6000): 5998: 200, 5999: 300, 6000: 1000, 6001: 400, 6002: 100; total 2000.
    // POC 6000. Value area 70 % = 1400: 1000, then 6001 (400 above beats 300 below) → 1400: VAL 6000, VAH 6001.
    expect(volumeProfile(BALANCED_BARS, 1)).toEqual({ step: 1, poc: 6000, val: 6000, vah: 6001 });
    // acceptance     last 15 closes in [6000, 6001]: all but 5999, 6002, 5999, 5998 → 100 × 11/15 = 73.333333
    // pocProximity   last close 6000 = POC                                       → 100
    // volumeCoverage 20 of 20 bars carry volume                                  → 100
    // overlap        each bar spans close ± 1 and closes move ≤ 2: 14 of 14 pairs → 100
    // score = (73.333333 + 100 + 100 + 100) / 4                                  → 93.333333
    const scored = volumeProfileScore({ candles: BALANCED_BARS });
    expect(scored.components).toEqual({ acceptance: expect.closeTo(73.333333, 6) as number, pocProximity: 100, volumeCoverage: 100, overlap: 100 });
    expect(scored.score).toBeCloseTo(93.333333, 6);
    // 20 bars with volume of the 30 for full confidence.
    expect(scored.confidence).toBeCloseTo(20 / 30, 6);
  });
});

describe(liquidityScore.name, () => {
  const heatmap = (dte: number) => ({ ts: NOW - 40_000, tiles: tilesForDte(HEATMAP_TILES, dte) });

  it('scores the DTE\'s tiles alone: coverage around spot, sane debits, IVs and freshness', () => {
    // 0 DTE: 10 butterflies at 5980…6025.
    // coverage   10 distinct strikes within ±60 of 6000, of 20 wanted: 100 × 10/20 → 50
    // pricing    9 of 10 debits in (0, width): 6015 is quoted at 0           → 90
    // ivCoverage 8 of 10 carry an IV                                         → 80
    // freshness  40 s old, fresh to 10 s, stale at 120 s: 100 × (120 − 40)/110 → 72.727273
    // score = (50 + 90 + 80 + 72.727273) / 4                                 → 73.181818
    const scored = liquidityScore({ heatmap: heatmap(0), spot: { price: 6000, ts: NOW }, now: NOW });
    expect(scored.components).toEqual({ coverage: 50, pricing: 90, ivCoverage: 80, freshness: expect.closeTo(72.727273, 6) as number });
    expect(scored.score).toBeCloseTo(73.181818, 6);
    expect(scored.confidence).toBeCloseTo(10 / 50, 6);
    // 1 DTE: 6000 and 6500; only 6000 is near spot (5), the 6500 debit 12 exceeds its width 10 (50).
    // score = (5 + 50 + 100 + 72.727273) / 4 → 56.931818
    expect(liquidityScore({ heatmap: heatmap(1), spot: { price: 6000, ts: NOW }, now: NOW }).score).toBeCloseTo(56.931818, 6);
  });
});

describe(volatilityScore.name, () => {
  it('compares realised with implied vol, realised vol\'s steadiness, and the regime', () => {
    // 30 returns ±a, a = ln(6006/6000) = 0.000999500666, mean 0: sample variance 30a²/29;
    // RV = a × √(30/29 × 252 × 390) = 0.000999500666 × 318.855715 → 0.318696.
    // ATM IV: tiles within ±30 of 6000 with an IV: 0.18 × 5, 0.16, 0.17 × 2 → 1.4 / 8 = 0.175.
    // ivRealized 100 × 0.175 / 0.318696                                      → 54.911196
    // steadiness the last 15 returns (8 × −a, 7 × +a) mirror the 15 before (8 × +a, 7 × −a) → 100
    // regime     mode score 20: 100 × |20 − 50| / 50                         → 60
    // score = (54.911196 + 100 + 60) / 3                                     → 71.637065
    const scored = volatilityScore({ candles: CHOPPY_BARS, heatmap: { ts: NOW, tiles: tilesForDte(HEATMAP_TILES, 0) }, spot: { price: 6000, ts: NOW }, mode: { mode: 'compression', score: 20 } });
    expect(scored.components).toEqual({ ivRealized: expect.closeTo(54.911196, 6) as number, steadiness: expect.closeTo(100, 6) as number, regime: 60 });
    expect(scored.score).toBeCloseTo(71.637065, 6);
    expect(scored.confidence).toBe(1);
  });

  it('scores only the components it has inputs for, with confidence to match', () => {
    // No candles, no heatmap: the regime alone, a transition at 50 → 0, confidence 1/3.
    const scored = volatilityScore({ candles: [], heatmap: null, spot: null, mode: { mode: 'transition', score: 50 } });
    expect(scored).toEqual({ score: 0, components: { regime: 0 }, confidence: 1 / 3 });
  });
});

describe(sessionScore.name, () => {
  it('scores midday with a live feed high and the open, the late session and a closed market lower', () => {
    // 11:00: timeOfDay 100; spot 20 s old, live to 5 s, stalled at 65 s: 100 × (65 − 20)/60 = 75 → (100 + 75) / 2 = 87.5
    expect(sessionScore({ symbol: 'SPX', now: NOW, spot: { price: 6000, ts: NOW - 20_000 } })).toEqual({ score: 87.5, components: { timeOfDay: 100, feedFreshness: 75 }, confidence: 1 });
    const fresh = (now: number, symbol = 'SPX') => sessionScore({ symbol, now, spot: { price: 6000, ts: now } }).components['timeOfDay'];
    expect(fresh(nyTime(9, 45))).toBeCloseTo(55, 6); // 40 + 60 × 15/60
    // SPX options trade to 16:15, so the late session runs 14:30–16:15, 105 minutes.
    expect(fresh(nyTime(15, 15))).toBeCloseTo(78.571429, 6); // 100 − 50 × 45/105
    expect(fresh(nyTime(16, 0))).toBeCloseTo(57.142857, 6); // 100 − 50 × 90/105
    expect(fresh(nyTime(15, 15), 'AAPL')).toBeCloseTo(75, 6); // closes 16:00: 100 − 50 × 45/90
    expect(fresh(nyTime(9, 29))).toBe(0); // before the open
    expect(fresh(nyTime(16, 15))).toBe(0); // the SPX options' close
    expect(fresh(nyTime(16, 0), 'AAPL')).toBe(0); // AAPL's close
    expect(fresh(NOW + 86_400_000)).toBe(0); // Saturday
  });
});

describe(melSnapshotOf.name, () => {
  // Pinned session: gamma 94.462612, volume profile 93.333333, liquidity 73.181818 (all VALID),
  // volatility (ivRealized 35.738482 on the balanced bars' RV 0.062542 against IV 0.175, regime 100
  // for mode score 0) 67.869241 DEGRADED, session 87.5 VALID.
  // weighted = .30 × 94.462612 + .25 × 93.333333 + .20 × 73.181818 + .15 × 67.869241 + .10 × 87.5
  //          = 28.338784 + 23.333333 + 14.636364 + 10.180386 + 8.75 = 85.238867
  const PINNED_WEIGHTED = 85.238867;

  it('weighs the five scores into the global integrity, times 1 for stable coherence', () => {
    const snapshot = melSnapshotOf(PINNED_SESSION, []);
    expect(snapshot.models.volatility.score).toBeCloseTo(67.869241, 6);
    expect(Object.values(snapshot.models).map((m) => m.state)).toEqual(['VALID', 'VALID', 'VALID', 'DEGRADED', 'VALID']);
    expect(snapshot.weighted).toBeCloseTo(PINNED_WEIGHTED, 6);
    // No REVOKED model, no change yet: stable, × 1.
    expect(snapshot.coherence).toBe('stable');
    expect(snapshot.globalIntegrity).toBeCloseTo(PINNED_WEIGHTED, 6);
    expect(snapshot).toMatchObject({ symbol: 'SPX', dte: 0, ts: NOW, spot: 5996, state: 'VALID' });
    expect(Object.values(snapshot.models).every((m) => m.trend === 'stable')).toBe(true);
  });

  it('collapses coherence when a breakout follows the pinned half hour, and recovers when the pin returns', () => {
    const pinned = melSnapshotOf(PINNED_SESSION, []);
    // Breakout: gamma 20.080645 REVOKED; liquidity loses its coverage around 6110 (no strike within ±61.1):
    // (0 + 90 + 80 + 72.727273) / 4 = 60.681818 DEGRADED; volatility (34.745747 + 100) / 2 = 67.372873.
    // VALID models 4 → 2: two fewer than the window's best → collapsing, × 0.6.
    // weighted = 6.024194 + 23.333333 + 12.136364 + 10.105931 + 8.75 = 60.349822 → 36.209893 REVOKED
    const breakout = melSnapshotOf(BREAKOUT_SESSION, [pinned]);
    expect(breakout.coherence).toBe('collapsing');
    expect(breakout.weighted).toBeCloseTo(60.349822, 6);
    expect(breakout.globalIntegrity).toBeCloseTo(36.209893, 6);
    expect(breakout.state).toBe('REVOKED');
    // Against the previous 94.462612, gamma fell 74 points; liquidity 12.5.
    expect(breakout.models.gamma.trend).toBe('degrading');
    expect(breakout.models.liquidity.trend).toBe('degrading');
    expect(breakout.models.session.trend).toBe('stable');

    // Pinned again: 4 VALID, none REVOKED, two more than the window's worst (2) → recovered, × 0.9.
    // 85.238867 × 0.9 = 76.714980
    const back = melSnapshotOf(PINNED_SESSION, [pinned, breakout]);
    expect(back.coherence).toBe('recovered');
    expect(back.globalIntegrity).toBeCloseTo(76.71498, 6);
    expect(back.state).toBe('VALID');
    // Gamma against the mean of 94.462612 and 20.080645 (57.271629): +37 points.
    expect(back.models.gamma.trend).toBe('improving');
  });

  it('gives the same snapshot for the same inputs and history', () => {
    const history = [melSnapshotOf(PINNED_SESSION, [])];
    expect(melSnapshotOf(BREAKOUT_SESSION, history)).toEqual(melSnapshotOf(BREAKOUT_SESSION, history));
  });
});
