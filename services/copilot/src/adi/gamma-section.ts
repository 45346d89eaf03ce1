import type { AdiGamma } from '@marketswarm/shared/dto';
import type { TopicPayload } from '@marketswarm/shared/events';
import { gammaFlip, type GexStrike } from '@marketswarm/shared/models';
import { PRICE_PLACES, round, roundOrNull } from './adi-numbers.js';

/** The magnet is looked for within this fraction of spot: 1 % (±60 points at SPX 6000). */
export const MAGNET_WINDOW = 0.01;

export interface GammaInputs {
  gex: { ts: number; data: TopicPayload<'gex'> } | null;
  spot: number | null;
}

/** The payload's strikes ascending, with `net` filled in where the producer left it out. */
export function gexRows(data: TopicPayload<'gex'>): GexStrike[] {
  return data.strikes.map((s) => ({ strike: s.strike, call: s.call, put: s.put, net: s.net ?? s.call + s.put })).sort((a, b) => a.strike - b.strike);
}

/**
 * The magnet: the strike of largest |net GEX| within MAGNET_WINDOW of spot (the nearer to spot on a
 * tie). Dealers' hedging is heaviest there, so price tends to be drawn to it and held, whatever the sign.
 */
export function gammaMagnet(rows: readonly GexStrike[], spot: number): GexStrike | null {
  let best: GexStrike | null = null;
  for (const row of rows) {
    if (Math.abs(row.strike - spot) > spot * MAGNET_WINDOW) continue;
    const better = best === null || Math.abs(row.net) > Math.abs(best.net) || (Math.abs(row.net) === Math.abs(best.net) && Math.abs(row.strike - spot) < Math.abs(best.strike - spot));
    if (better) best = row;
  }
  return best;
}

/**
 * The dealers' gamma structure. The producer's own total, walls and flip win (it saw the whole
 * chain); what it left out is computed from its strikes the way services/shared/src/models/gex.ts does.
 */
export function gammaSection({ gex, spot }: GammaInputs): AdiGamma {
  if (gex === null) return { netGex: null, flip: null, callWall: null, putWall: null, magnet: null, magnetGex: null, spotVsFlip: null, strikes: 0, asOf: null };
  const rows = gexRows(gex.data);
  const price = spot ?? gex.data.spot ?? null;
  let callWall: GexStrike | undefined;
  let putWall: GexStrike | undefined;
  for (const r of rows) {
    if (r.net > 0 && (callWall === undefined || r.net > callWall.net)) callWall = r;
    if (r.net < 0 && (putWall === undefined || r.net < putWall.net)) putWall = r;
  }
  const flip = gex.data.flip ?? (price === null ? undefined : gammaFlip(rows, price));
  const magnet = price === null ? null : gammaMagnet(rows, price);
  return {
    netGex: round(gex.data.total ?? rows.reduce((sum, r) => sum + r.net, 0), 0),
    flip: roundOrNull(flip, PRICE_PLACES),
    callWall: roundOrNull(gex.data.callWall ?? callWall?.strike, PRICE_PLACES),
    putWall: roundOrNull(gex.data.putWall ?? putWall?.strike, PRICE_PLACES),
    magnet: roundOrNull(magnet?.strike, PRICE_PLACES),
    magnetGex: roundOrNull(magnet?.net, 0),
    spotVsFlip: price === null || flip === undefined ? null : price > flip ? 'above' : price < flip ? 'below' : 'at',
    strikes: rows.length,
    asOf: gex.ts,
  };
}
