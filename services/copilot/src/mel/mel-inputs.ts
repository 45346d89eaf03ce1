import type { Candle } from '@marketswarm/shared/dto';
import type { TopicPayload } from '@marketswarm/shared/events';
import { daysToExpiry } from '@marketswarm/shared/models';
import type { SpotPrint } from '../market/market-reader.js';

/** How far back the spot trail reaches: the gamma score judges the last half hour of prints. */
export const MEL_TRAIL_WINDOW_MS = 30 * 60_000;
/** Today's 1-minute bars read for the volume profile and realised volatility (a full session is 390). */
export const MEL_CANDLE_LIMIT = 390;

/** GEX by strike as the scores use it: `net` filled in from call + put when the producer left it out. */
export interface MelGex {
  strikes: { strike: number; net: number }[];
  callWall?: number;
  putWall?: number;
  flip?: number;
  total?: number;
}

/** The heatmap fields the liquidity and volatility scores read, for the tiles of one DTE. */
export interface MelTile {
  strike: number;
  width: number;
  debit: number;
  maxLoss: number;
  iv?: number;
}

/**
 * Everything one MEL computation reads, for one symbol and DTE at one instant. Built by
 * MelInputsReader from market Redis; the scores are pure functions of it (and the history), so the
 * same inputs and clock give the same snapshot.
 */
export interface MelInputs {
  symbol: string;
  dte: number;
  now: number;
  /** The latest spot and when it was stamped (null before the first tick). */
  spot: { price: number; ts: number } | null;
  /** The last MEL_TRAIL_WINDOW_MS of spot prints, oldest first. */
  trail: readonly Pick<SpotPrint, 'ts' | 'price'>[];
  gex: MelGex | null;
  /** The DTE's tiles and when the heatmap was stamped (null without a heatmap). */
  heatmap: { ts: number; tiles: readonly MelTile[] } | null;
  mode: { mode: 'compression' | 'transition' | 'expansion'; score: number } | null;
  bias: { bias: number; lfi?: number } | null;
  /** Today's 1-minute bars, oldest first. */
  candles: readonly Candle[];
}

/** The tiles of one DTE (the heatmap holds every expiry's). */
export function tilesForDte(tiles: TopicPayload<'heatmap'>['tiles'], dte: number): MelTile[] {
  const out: MelTile[] = [];
  for (const t of Object.values(tiles)) {
    if (t.dte !== dte) continue;
    out.push(t.iv === undefined ? { strike: t.strike, width: t.width, debit: t.debit, maxLoss: t.maxLoss } : { strike: t.strike, width: t.width, debit: t.debit, maxLoss: t.maxLoss, iv: t.iv });
  }
  return out;
}

interface GexRow {
  strike: number;
  call: number;
  put: number;
  net?: number;
}

function rowsOf(strikes: readonly GexRow[]): MelGex['strikes'] {
  return strikes.map((s) => ({ strike: s.strike, net: s.net ?? s.call + s.put }));
}

/**
 * The GEX a DTE is judged against: the expiry of that DTE when the producer publishes GEX by expiry
 * (an optional `byExpiry: [{ expiry, strikes }]` in the loose payload), else the symbol's whole
 * profile — the walls and flip are the symbol's either way, as the producer computes them.
 */
export function gexForDte(gex: TopicPayload<'gex'>, dte: number, now: number): MelGex {
  const byExpiry = (gex as { byExpiry?: unknown }).byExpiry;
  let strikes = rowsOf(gex.strikes);
  if (Array.isArray(byExpiry)) {
    const match = (byExpiry as { expiry?: unknown; strikes?: unknown }[]).find((e) => typeof e.expiry === 'number' && Array.isArray(e.strikes) && daysToExpiry(now, e.expiry) === dte);
    const rows = match?.strikes as GexRow[] | undefined;
    if (rows?.every((r) => typeof r.strike === 'number' && typeof r.call === 'number' && typeof r.put === 'number')) strikes = rowsOf(rows);
  }
  return {
    strikes,
    ...(gex.callWall !== undefined && { callWall: gex.callWall }),
    ...(gex.putWall !== undefined && { putWall: gex.putWall }),
    ...(gex.flip !== undefined && { flip: gex.flip }),
    ...(gex.total !== undefined && { total: gex.total }),
  };
}
