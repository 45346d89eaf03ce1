import { describe, expect, it } from 'vitest';
import { type ChainOption } from './chain.js';
import { computeGex, gammaFlip, gexPayload, optionGex } from './gex.js';
import { gexPayloadSchema } from '../events/payloads.js';

const expiry = Date.UTC(2026, 10, 23, 21);
const later = Date.UTC(2026, 10, 30, 21);
const opt = (type: 'call' | 'put', strike: number, gamma: number, openInterest: number, exp = expiry): ChainOption => ({
  type,
  strike,
  expiry: exp,
  mid: 1,
  gamma,
  openInterest,
});

describe(optionGex.name, () => {
  it('is γ × OI × 100 × S² × 0.01, positive for a call', () => {
    // 0.002 × 1000 × 100 × 5000² × 0.01 = 50,000,000 dollars per 1 % move
    expect(optionGex(opt('call', 5000, 0.002, 1000), 5000)).toBe(50_000_000);
  });

  it('is negative for a put (dealers short puts)', () => {
    expect(optionGex(opt('put', 5000, 0.002, 1000), 5000)).toBe(-50_000_000);
  });
});

describe(computeGex.name, () => {
  it('a call-only chain has positive GEX at every strike, a call wall and no put wall or flip', () => {
    const p = computeGex([opt('call', 4990, 0.001, 100), opt('call', 5000, 0.002, 300), opt('call', 5010, 0.001, 200)], 5000);
    expect(p.byStrike.map((r) => r.net)).toEqual([2_500_000, 15_000_000, 5_000_000]);
    expect(p.total).toBe(22_500_000);
    expect(p.callWall).toBe(5000);
    expect(p.putWall).toBeUndefined();
    expect(p.flip).toBeUndefined();
  });

  it('a put-only chain has negative GEX at every strike and a put wall', () => {
    const p = computeGex([opt('put', 4990, 0.001, 400), opt('put', 5000, 0.002, 100)], 5000);
    expect(p.byStrike.map((r) => [r.call, r.put])).toEqual([
      [0, -10_000_000],
      [0, -5_000_000],
    ]);
    expect(p.total).toBe(-15_000_000);
    expect(p.putWall).toBe(4990);
    expect(p.callWall).toBeUndefined();
  });

  it('finds the flip between the strikes where net GEX turns from negative to positive', () => {
    // spot 100: net per strike −4, −2 (at 95), +2 (at 100), +6 (at 105) million → flip at 97.5
    const unit = 1 / (100 * 100 * 100 * 0.01); // gamma × OI that makes 1 dollar of GEX at spot 100
    const chain = [
      opt('put', 90, unit * 4e6, 1),
      opt('put', 95, unit * 3e6, 1),
      opt('call', 95, unit * 1e6, 1),
      opt('call', 100, unit * 3e6, 1),
      opt('put', 100, unit * 1e6, 1),
      opt('call', 105, unit * 6e6, 1),
    ];
    const p = computeGex(chain, 100);
    expect(p.byStrike.map((r) => r.strike)).toEqual([90, 95, 100, 105]);
    expect(p.byStrike.map((r) => Math.round(r.net))).toEqual([-4e6, -2e6, 2e6, 6e6]);
    expect(p.flip).toBeCloseTo(97.5, 9);
    expect(p.callWall).toBe(105);
    expect(p.putWall).toBe(90);
  });

  it('a strike where call and put GEX cancel is neither a call wall nor a put wall', () => {
    const p = computeGex([opt('call', 5000, 0.001, 100), opt('put', 5000, 0.001, 100)], 5000);
    expect(p.byStrike).toEqual([{ strike: 5000, call: 2_500_000, put: -2_500_000, net: 0 }]);
    expect([p.total, p.callWall, p.putWall, p.flip]).toEqual([0, undefined, undefined, undefined]);
  });

  it('splits by expiration and sums per strike across expirations', () => {
    const p = computeGex([opt('call', 5000, 0.001, 100), opt('call', 5000, 0.001, 100, later), opt('put', 5000, 0.001, 300, later)], 5000);
    expect(p.byExpiry.map((e) => [e.expiry, e.total])).toEqual([
      [expiry, 2_500_000],
      [later, -5_000_000],
    ]);
    expect(p.byStrike).toEqual([{ strike: 5000, call: 5_000_000, put: -7_500_000, net: -2_500_000 }]);
  });
});

describe(gammaFlip.name, () => {
  it('picks the crossing nearest spot and treats a zero-net strike between opposite signs as the flip', () => {
    const rows = [
      { strike: 80, call: 0, put: 0, net: 5 },
      { strike: 90, call: 0, put: 0, net: -5 },
      { strike: 100, call: 0, put: 0, net: 0 },
      { strike: 110, call: 0, put: 0, net: 1 },
    ];
    expect(gammaFlip(rows, 104)).toBe(100);
    expect(gammaFlip(rows, 80)).toBe(85);
  });
});

describe(gexPayload.name, () => {
  it('produces a valid gex topic payload', () => {
    const payload = gexPayload('SPX', computeGex([opt('call', 5000, 0.001, 100), opt('put', 4990, 0.001, 100)], 5000));
    expect(gexPayloadSchema.safeParse(payload).success).toBe(true);
    expect(payload.strikes).toEqual([
      { strike: 4990, call: 0, put: -2_500_000, net: -2_500_000 },
      { strike: 5000, call: 2_500_000, put: 0, net: 2_500_000 },
    ]);
    expect(payload.flip).toBe(4995);
  });
});
