import { CONTRACT_MULTIPLIER } from '../pricing/market-constants.js';
import { type ChainOption } from './chain.js';

/**
 * Gamma exposure (GEX), in dollars of delta that dealers must trade per 1 % move of the underlying:
 * γ × OI × 100 × S² × 0.01.
 *
 * Sign convention (the usual "dealers are long calls, short puts" assumption): customers sell calls
 * (overwriting) and buy puts (protection), so dealers hold positive gamma on calls and negative gamma
 * on puts. Call GEX is therefore counted positive and put GEX negative. Positive net GEX means dealers
 * hedge against the move (dampening); negative means they hedge with it (amplifying).
 */
export function optionGex(option: Pick<ChainOption, 'type' | 'gamma' | 'openInterest'>, spot: number): number {
  const dollarGamma = option.gamma * option.openInterest * CONTRACT_MULTIPLIER * spot * spot * 0.01;
  return option.type === 'call' ? dollarGamma : -dollarGamma;
}

export interface GexStrike {
  strike: number;
  /** Call GEX, ≥ 0. */
  call: number;
  /** Put GEX, ≤ 0. */
  put: number;
  /** call + put. */
  net: number;
}

export interface GexExpiry {
  expiry: number;
  /** Ascending by strike. */
  strikes: GexStrike[];
  total: number;
}

export interface GexProfile {
  spot: number;
  /** All expiries summed, ascending by strike. */
  byStrike: GexStrike[];
  /** Ascending by expiry. */
  byExpiry: GexExpiry[];
  /** Net GEX of the whole chain. */
  total: number;
  /** Strike with the largest positive net GEX (undefined when no strike is net positive). */
  callWall: number | undefined;
  /** Strike with the most negative net GEX (undefined when no strike is net negative). */
  putWall: number | undefined;
  /** Zero-gamma level, see `gammaFlip`. */
  flip: number | undefined;
}

function byStrikeOf(options: readonly ChainOption[], spot: number): GexStrike[] {
  const rows = new Map<number, GexStrike>();
  for (const o of options) {
    let row = rows.get(o.strike);
    if (row === undefined) {
      row = { strike: o.strike, call: 0, put: 0, net: 0 };
      rows.set(o.strike, row);
    }
    const g = optionGex(o, spot);
    if (o.type === 'call') row.call += g;
    else row.put += g;
    row.net += g;
  }
  return [...rows.values()].sort((a, b) => a.strike - b.strike);
}

/**
 * The gamma flip: the price where net GEX by strike changes sign, by linear interpolation between the
 * two adjacent strikes whose net GEX has opposite signs; when strikes with exactly zero net GEX sit
 * between the two signs, the first of them is the flip. `byStrike` ascending. When the profile changes
 * sign more than once, the crossing nearest `spot` wins; undefined when it never changes sign.
 */
export function gammaFlip(byStrike: readonly GexStrike[], spot: number): number | undefined {
  let best: number | undefined;
  let last = -1; // index of the previous strike with non-zero net GEX
  byStrike.forEach((b, i) => {
    if (b.net === 0) return;
    const a = byStrike[last];
    if (a !== undefined && Math.sign(a.net) !== Math.sign(b.net)) {
      const zero = byStrike[last + 1];
      const level = last === i - 1 || zero === undefined ? a.strike + ((b.strike - a.strike) * -a.net) / (b.net - a.net) : zero.strike;
      if (best === undefined || Math.abs(level - spot) < Math.abs(best - spot)) best = level;
    }
    last = i;
  });
  return best;
}

/** GEX of a chain by strike and by expiration, the total, the call/put walls and the gamma flip. */
export function computeGex(chain: readonly ChainOption[], spot: number): GexProfile {
  const byStrike = byStrikeOf(chain, spot);
  const expiries = [...new Set(chain.map((o) => o.expiry))].sort((a, b) => a - b);
  const byExpiry = expiries.map((expiry) => {
    const strikes = byStrikeOf(
      chain.filter((o) => o.expiry === expiry),
      spot,
    );
    return { expiry, strikes, total: strikes.reduce((s, r) => s + r.net, 0) };
  });
  let callWall: GexStrike | undefined;
  let putWall: GexStrike | undefined;
  for (const r of byStrike) {
    if (r.net > 0 && (callWall === undefined || r.net > callWall.net)) callWall = r;
    if (r.net < 0 && (putWall === undefined || r.net < putWall.net)) putWall = r;
  }
  return {
    spot,
    byStrike,
    byExpiry,
    total: byStrike.reduce((s, r) => s + r.net, 0),
    callWall: callWall?.strike,
    putWall: putWall?.strike,
    flip: gammaFlip(byStrike, spot),
  };
}

/** The `gex` topic payload (services/shared/src/events/payloads.ts) for a profile; the extra fields are allowed by its loose schema. */
export function gexPayload(
  symbol: string,
  profile: GexProfile,
): { symbol: string; spot: number; strikes: GexStrike[]; total: number; callWall?: number; putWall?: number; flip?: number } {
  return {
    symbol,
    spot: profile.spot,
    strikes: profile.byStrike,
    total: profile.total,
    ...(profile.callWall === undefined ? {} : { callWall: profile.callWall }),
    ...(profile.putWall === undefined ? {} : { putWall: profile.putWall }),
    ...(profile.flip === undefined ? {} : { flip: profile.flip }),
  };
}
