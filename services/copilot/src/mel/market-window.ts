import type { Candle } from '@marketswarm/shared/dto';
import type { TopicPayload } from '@marketswarm/shared/events';
import type { MarketReader, SpotPrint } from '../market/market-reader.js';
import { gexForDte, MEL_CANDLE_LIMIT, MEL_TRAIL_WINDOW_MS, tilesForDte, type MelInputs } from './mel-inputs.js';
import { SpotTrail } from './spot-trail.js';

/** Candles are re-read at most this often: 1-minute bars barely move in a few seconds, and a day of them is the costliest read. */
export const CANDLE_REFRESH_MS = 30_000;

/** What market Redis held for one symbol at one instant: read once per MEL cycle, shared by every DTE. */
export interface MarketWindow {
  symbol: string;
  now: number;
  spot: { price: number; ts: number } | null;
  trail: readonly SpotPrint[];
  gex: TopicPayload<'gex'> | null;
  heatmap: { ts: number; tiles: TopicPayload<'heatmap'>['tiles'] } | null;
  mode: MelInputs['mode'];
  bias: MelInputs['bias'];
  candles: readonly Candle[];
}

/** One DTE's MEL inputs from the symbol's market window. */
export function melInputsOf(window: MarketWindow, dte: number): MelInputs {
  return {
    symbol: window.symbol,
    dte,
    now: window.now,
    spot: window.spot,
    trail: window.trail,
    gex: window.gex ? gexForDte(window.gex, dte, window.now) : null,
    heatmap: window.heatmap ? { ts: window.heatmap.ts, tiles: tilesForDte(window.heatmap.tiles, dte) } : null,
    mode: window.mode,
    bias: window.bias,
    candles: window.candles,
  };
}

/**
 * Reads a symbol's market window, keeping the spot trail between cycles (SpotTrail: a half-hour
 * trail is re-read in full only once), and the day's candles for CANDLE_REFRESH_MS.
 */
export class MarketWindowReader {
  private readonly trail: SpotTrail;
  private candles: { readAt: number; bars: Candle[] } | undefined;

  constructor(
    private readonly reader: MarketReader,
    private readonly symbol: string,
  ) {
    this.trail = new SpotTrail(reader, symbol, MEL_TRAIL_WINDOW_MS);
  }

  async read(now: number): Promise<MarketWindow> {
    const symbol = this.symbol;
    const [spot, trail, gex, heatmap, mode, bias, candles] = await Promise.all([
      this.reader.spot(symbol),
      this.trail.read(now),
      this.reader.gex(symbol),
      this.reader.heatmap(symbol),
      this.reader.mode(symbol),
      this.reader.bias(symbol),
      this.readCandles(now),
    ]);
    return {
      symbol,
      now,
      spot: spot ? { price: spot.data.price, ts: spot.ts } : null,
      trail,
      gex: gex?.data ?? null,
      heatmap: heatmap ? { ts: heatmap.ts, tiles: heatmap.data.tiles } : null,
      mode: mode ? { mode: mode.data.mode, score: mode.data.score } : null,
      bias: bias ? { bias: bias.data.bias, ...(bias.data.lfi !== undefined && { lfi: bias.data.lfi }) } : null,
      candles,
    };
  }

  private async readCandles(now: number): Promise<Candle[]> {
    if (this.candles && now - this.candles.readAt < CANDLE_REFRESH_MS && now >= this.candles.readAt) return this.candles.bars;
    const bars = await this.reader.candles(this.symbol, '1m', MEL_CANDLE_LIMIT, now);
    this.candles = { readAt: now, bars };
    return bars;
  }
}
