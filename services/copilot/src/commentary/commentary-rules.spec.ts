import { describe, expect, it } from 'vitest';
import type { FiredAlert } from '../alerts/fired-alerts.js';
import { market, melSnapshot } from './commentary.fixtures.js';
import { alertCommentary, breakevenCommentary, coherenceCommentary, levelCommentary, melStateCommentary, onDemandCommentary, type BreakevenPosition } from './commentary-rules.js';

describe(melStateCommentary.name, () => {
  it('says when global integrity leaves VALID, with both numbers and the DTE', () => {
    // 80 × 1 = 80 VALID → 72 × 0.85 = 61.2 DEGRADED
    const lines = melStateCommentary(melSnapshot({}, 'stable', 80), melSnapshot({}, 'mixed', 72));
    expect(lines).toEqual([
      { kind: 'mel-state', severity: 'warning', text: 'MEL integrity VALID → DEGRADED (80.0 → 61.2, 0DTE): lean less on the levels, wait for confirmation.', symbol: 'SPX' },
    ]);
  });

  it('is critical when integrity is revoked and calm when it comes back', () => {
    expect(melStateCommentary(melSnapshot({}, 'stable', 55), melSnapshot({}, 'collapsing', 70))[0]).toMatchObject({
      severity: 'critical',
      text: 'MEL integrity DEGRADED → REVOKED (55.0 → 42.0, 0DTE): models not holding, trade price, not levels.',
    });
    expect(melStateCommentary(melSnapshot({}, 'stable', 60), melSnapshot({}, 'stable', 75))[0]).toMatchObject({
      severity: 'info',
      text: 'MEL integrity DEGRADED → VALID (60.0 → 75.0, 0DTE): models back in control.',
    });
  });

  it('names each model that changed state, a revoked one as a warning', () => {
    const lines = melStateCommentary(melSnapshot(), melSnapshot({ liquidity: 55, gamma: 40 }));
    expect(lines).toEqual([
      { kind: 'mel-state', severity: 'warning', text: 'Gamma/level respect VALID → REVOKED (80.0 → 40.0, 0DTE).', symbol: 'SPX' },
      { kind: 'mel-state', severity: 'info', text: 'Liquidity VALID → DEGRADED (80.0 → 55.0, 0DTE).', symbol: 'SPX' },
    ]);
  });

  it('says nothing while states hold, on the first snapshot, or across DTEs', () => {
    expect(melStateCommentary(melSnapshot({ gamma: 75 }), melSnapshot({ gamma: 71 }))).toEqual([]);
    expect(melStateCommentary(null, melSnapshot())).toEqual([]);
    expect(melStateCommentary({ ...melSnapshot(), dte: 1 }, melSnapshot({ gamma: 10 }))).toEqual([]);
  });
});

describe(coherenceCommentary.name, () => {
  it('says when coherence changes, with its multiplier and the integrity it leaves', () => {
    expect(coherenceCommentary(melSnapshot({}, 'stable', 80), melSnapshot({}, 'mixed', 80))).toEqual([
      { kind: 'coherence', severity: 'warning', text: 'MEL coherence stable → mixed (×0.85): models disagree. Integrity 68.0.', symbol: 'SPX' },
    ]);
  });

  it('is critical on a collapse and informative on recovery', () => {
    expect(coherenceCommentary(melSnapshot({}, 'mixed'), melSnapshot({}, 'collapsing'))[0]).toMatchObject({ severity: 'critical', text: 'MEL coherence mixed → collapsing (×0.6): models failing together. Integrity 48.0.' });
    expect(coherenceCommentary(melSnapshot({}, 'collapsing'), melSnapshot({}, 'recovered'))[0]).toMatchObject({ severity: 'info', text: 'MEL coherence collapsing → recovered (×0.9): models realigning. Integrity 72.0.' });
  });

  it('says nothing while coherence holds', () => {
    expect(coherenceCommentary(melSnapshot({}, 'mixed'), melSnapshot({ gamma: 20 }, 'mixed'))).toEqual([]);
  });
});

describe(levelCommentary.name, () => {
  it('says when spot breaks above the call wall, and when it falls back', () => {
    expect(levelCommentary(market(6048.1), market(6051.25))).toEqual([
      { kind: 'wall-cross', severity: 'warning', text: 'SPX broke above the call wall 6,050 (6,048.10 → 6,051.25): dealers stop capping the rally.', symbol: 'SPX' },
    ]);
    expect(levelCommentary(market(6051.25), market(6049))).toEqual([{ kind: 'wall-cross', severity: 'info', text: 'SPX fell back below the call wall 6,050 (6,051.25 → 6,049.00).', symbol: 'SPX' }]);
  });

  it('counts a gap through the put wall, and a reclaim', () => {
    expect(levelCommentary(market(5955), market(5940))).toEqual([
      { kind: 'wall-cross', severity: 'warning', text: 'SPX broke below the put wall 5,950 (5,955.00 → 5,940.00): downside support gone.', symbol: 'SPX' },
    ]);
    expect(levelCommentary(market(5949.5), market(5950))).toEqual([{ kind: 'wall-cross', severity: 'info', text: 'SPX reclaimed the put wall 5,950 (5,949.50 → 5,950.00).', symbol: 'SPX' }]);
  });

  it('says which gamma regime spot enters at the flip', () => {
    expect(levelCommentary(market(5990), market(5985))).toEqual([
      { kind: 'flip-cross', severity: 'warning', text: 'SPX crossed below the gamma flip 5,987.5 (5,990.00 → 5,985.00): negative gamma, moves tend to extend.', symbol: 'SPX' },
    ]);
    expect(levelCommentary(market(5985), market(5988))).toEqual([
      { kind: 'flip-cross', severity: 'info', text: 'SPX crossed above the gamma flip 5,987.5 (5,985.00 → 5,988.00): positive gamma, moves tend to dampen.', symbol: 'SPX' },
    ]);
  });

  it('reports every level one big move went through, wall before flip', () => {
    expect(levelCommentary(market(5995), market(5940)).map((l) => l.kind)).toEqual(['wall-cross', 'flip-cross']);
  });

  it('says nothing while spot stays on its side, without a previous price, or without the level', () => {
    expect(levelCommentary(market(6000), market(6010))).toEqual([]);
    expect(levelCommentary(null, market(6060))).toEqual([]);
    expect(levelCommentary(market(null), market(6060))).toEqual([]);
    expect(levelCommentary(market(6048, { callWall: null }), market(6051))).toEqual([]);
  });
});

describe(breakevenCommentary.name, () => {
  const vertical: BreakevenPosition = { id: 'open:t1', name: 'Your SPX vertical ×2', symbol: 'SPX', breakevens: [6004.5] };

  it('warns once spot comes within 0.2 % of a breakeven', () => {
    // near = 5995 × 0.002 = 11.99; 5985 is 19.50 away, 5995 is 9.50 away
    expect(breakevenCommentary(5985, market(5995), [vertical])).toEqual([
      { kind: 'breakeven', severity: 'warning', text: 'Your SPX vertical ×2: SPX 5,995.00 is 9.50 below the breakeven 6,004.50.', symbol: 'SPX' },
    ]);
  });

  it('says nothing more while spot stays near', () => {
    expect(breakevenCommentary(5995, market(5998), [vertical])).toEqual([]);
  });

  it('says when one move went through a breakeven beyond the near zone', () => {
    expect(breakevenCommentary(5980, market(6030), [vertical])).toEqual([
      { kind: 'breakeven', severity: 'warning', text: 'Your SPX vertical ×2: SPX went through the breakeven 6,004.50 (5,980.00 → 6,030.00).', symbol: 'SPX' },
    ]);
  });

  it('ignores positions on another underlying and a first observation', () => {
    expect(breakevenCommentary(5985, market(5995), [{ ...vertical, symbol: 'NDX' }])).toEqual([]);
    expect(breakevenCommentary(null, market(5995), [vertical])).toEqual([]);
  });
});

describe(alertCommentary.name, () => {
  const fired: FiredAlert = { userId: 'u1', alertId: 'a1', hitId: 'h1', kind: 'price', message: 'SPX above 6,000', severity: 'critical', value: 6001.25, symbol: 'SPX', at: 0 };

  it('repeats the alert as a sentence with the value it fired at', () => {
    expect(alertCommentary(fired)).toEqual({ kind: 'alert-fired', severity: 'critical', text: 'Alert fired: SPX above 6,000. Seen at 6,001.25.', symbol: 'SPX' });
  });

  it('keeps the alert\'s own punctuation and leaves out a missing value and symbol', () => {
    expect(alertCommentary({ ...fired, message: 'Order filled!', value: null, symbol: null, severity: 'info' })).toEqual({ kind: 'alert-fired', severity: 'info', text: 'Alert fired: Order filled!' });
  });
});

describe(onDemandCommentary.name, () => {
  it('places spot among the walls and the flip and names the weakest MEL model', () => {
    expect(onDemandCommentary(melSnapshot({ liquidity: 55 }), market(6003.2))).toEqual({
      kind: 'on-demand',
      severity: 'info',
      text: 'SPX 6,003.20. Call wall 6,050 (46.80 above spot), put wall 5,950 (53.20 below spot). Gamma flip 5,987.5: spot above it, positive gamma. MEL 80.0 VALID, coherence stable; weakest model Liquidity 55.0 DEGRADED.',
      symbol: 'SPX',
    });
  });

  it('says what it does not know yet', () => {
    expect(onDemandCommentary(null, market(null, { callWall: null, putWall: null, flip: null })).text).toBe('SPX: no live price. MEL not scored yet.');
  });
});
