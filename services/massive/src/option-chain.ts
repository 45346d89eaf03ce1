import { type ChainOption, expiryCloseOf, expiryDateOf } from '@marketswarm/shared/models';
import { DIVIDEND_YIELD, MS_PER_DAY, optionTick, priceChain, RISK_FREE_RATE } from '@marketswarm/shared/pricing';

/**
 * How each optionable symbol's chain is laid out: strike spacing, how many strikes each side, and
 * the spread widths its heatmap prices.
 */
export interface ChainLayout {
  strikeStep: number;
  strikesEachSide: number;
  /** Daily expirations, 0DTE first. */
  expiries: number;
  /** Heatmap spread widths in points, narrowest first: ten strikes' worth in steps of one width unit. */
  widths: readonly number[];
  /** ATM implied vol when no better source is live (SPX and SPY follow VIX when it ticks). */
  atmVol: number;
}

const steps = (unit: number): number[] => Array.from({ length: 10 }, (_, i) => (i + 1) * unit);

/** Every symbol the header offers options for (OPTIONABLE_SYMBOLS); VIX has none here. */
export const CHAIN_LAYOUTS: Readonly<Record<string, ChainLayout>> = {
  SPX: { strikeStep: 5, strikesEachSide: 30, expiries: 3, widths: steps(5), atmVol: 0.16 },
  NDX: { strikeStep: 25, strikesEachSide: 30, expiries: 3, widths: steps(25), atmVol: 0.2 },
  RUT: { strikeStep: 5, strikesEachSide: 30, expiries: 3, widths: steps(5), atmVol: 0.22 },
  SPY: { strikeStep: 1, strikesEachSide: 30, expiries: 3, widths: steps(1), atmVol: 0.15 },
  QQQ: { strikeStep: 1, strikesEachSide: 30, expiries: 3, widths: steps(1), atmVol: 0.2 },
};

/** A 0DTE chain in its final minutes has no time value left to price: roll to the next expiry. */
const ROLL_BEFORE_CLOSE_MS = 5 * 60_000;

/**
 * The next `count` daily expirations, today's first while it is more than five minutes ahead: every
 * trading day (Monday to Friday, no holiday calendar, like the simulated market) at its expiry
 * instant, 16:00 New York in summer and winter alike (`expiryCloseOf`), the same instant saved
 * positions, journal legs and the leg editor give a leg of that date. With `weekends` (the demo
 * clock, whose market trades every day) Saturdays and Sundays list an expiry too, so a demo on a
 * weekend still has its 0DTE.
 */
export function dailyExpiries(now: number, count: number, { weekends = false }: { weekends?: boolean } = {}): number[] {
  const expiries: number[] = [];
  const [y, m, d] = expiryDateOf(now).split('-').map(Number) as [number, number, number];
  for (let day = Date.UTC(y, m - 1, d); expiries.length < count; day += MS_PER_DAY) {
    const weekday = new Date(day).getUTCDay();
    if (!weekends && (weekday === 0 || weekday === 6)) continue;
    const close = expiryCloseOf(new Date(day).toISOString().slice(0, 10));
    if (close !== undefined && close - now >= ROLL_BEFORE_CLOSE_MS) expiries.push(close);
  }
  return expiries;
}

/**
 * Open interest shaped like real index chains: concentrated near the money, heavier on round
 * strikes, puts heavier below spot and calls above. Deterministic, so a replay rebuilds the same models.
 */
export function syntheticOpenInterest(type: 'call' | 'put', strike: number, spot: number, step: number): number {
  const distance = (strike - spot) / spot;
  const bell = Math.exp(-(distance * distance) / (2 * 0.015 * 0.015));
  const round = strike % (step * 10) === 0 ? 2.5 : strike % (step * 5) === 0 ? 1.6 : 1;
  const side = type === 'put' ? (strike < spot ? 1.4 : 0.6) : strike > spot ? 1.2 : 0.7;
  return Math.round(4000 * bell * round * side + 50);
}

/** One listed option as a trader's chain shows it. */
export interface MarketOption extends ChainOption {
  bid: number;
  ask: number;
  iv: number;
  delta: number;
  theta: number;
  vega: number;
}

/** Quotes around the model price: on the root's option tick (`optionTick`), about 2 % wide (at least one tick). */
export function quote(mid: number, symbol = 'SPX'): { bid: number; ask: number } {
  const step = optionTick(symbol, mid);
  const tick = (x: number) => Math.round(x / step) * step;
  const half = Math.max(step, tick(mid * 0.02)) / 2;
  const bid = Math.max(0, tick(mid - half));
  return { bid: Math.round(bid * 100) / 100, ask: Math.round(Math.max(tick(mid + half), bid + step) * 100) / 100 };
}

/** Prices the chain for one symbol at `now`: Black–Scholes with a skew around `atmVol`, quoted on `symbol`'s ticks. */
export function buildOptionChain(spot: number, now: number, layout: ChainLayout, atmVol: number, symbol = 'SPX', { weekends = false }: { weekends?: boolean } = {}): MarketOption[] {
  const center = Math.round(spot / layout.strikeStep) * layout.strikeStep;
  const strikes = Array.from({ length: layout.strikesEachSide * 2 + 1 }, (_, i) => center + (i - layout.strikesEachSide) * layout.strikeStep);
  const priced = priceChain({
    spot,
    rate: RISK_FREE_RATE,
    dividendYield: DIVIDEND_YIELD,
    now,
    expiries: dailyExpiries(now, layout.expiries, { weekends }),
    strikes,
    skew: { atmVol, skew: -1.2, curvature: 4 },
  });
  return priced.map((o) => ({
    strike: o.strike,
    expiry: o.expiry,
    type: o.type,
    mid: o.price,
    ...quote(o.price, symbol),
    iv: o.iv,
    delta: o.delta,
    gamma: o.gamma,
    theta: o.theta,
    vega: o.vega,
    openInterest: syntheticOpenInterest(o.type, o.strike, spot, layout.strikeStep),
  }));
}
