import { Prng } from './prng.js';

/** Seconds in one regular session (09:30–16:00): the unit of "one trading day" for the process. */
export const TRADING_DAY_SECONDS = 6.5 * 3600;

/**
 * Model parameters, in trading-day units (variance per day). SPX: long-run variance θ = 0.0085²,
 * plus Poisson jumps (λ per day, log-size N(μJ, σJ)) so the total daily σ is ≈ 1 % with fat tails.
 */
export const HESTON = {
  kappa: 1, // mean reversion of variance, per day
  theta: 0.0085 ** 2,
  xi: 0.009, // vol of variance (Feller: 2κθ > ξ²)
  rho: -0.7, // return/variance correlation: the leverage effect that makes VIX move against SPX
  jumpsPerDay: 0.3,
  jumpMean: -0.004,
  jumpSd: 0.01,
  jumpVarianceKick: 1.3, // a down jump multiplies variance
  varianceFloor: 0.2 * 0.0085 ** 2, // keeps VIX above single digits
} as const;

export const START_PRICES: Readonly<Record<string, number>> = { SPX: 5000, NDX: 17500, RUT: 2000, VIX: 15, SPY: 500, QQQ: 426.8 };

/** How a non-derived index follows the SPX factor: correlation and volatility relative to SPX. */
const FACTOR_PROFILES: Readonly<Record<string, { corr: number; volScale: number }>> = {
  NDX: { corr: 0.9, volScale: 1.25 },
  RUT: { corr: 0.75, volScale: 1.35 },
};
const DEFAULT_PROFILE = { corr: 0.6, volScale: 1.5 };
const TRACKER_NOISE = 0.00002; // SPY/QQQ: tiny tracking error around their index
const VIX_NOISE = 0.01;

export interface TickProcessOptions {
  seed: number;
  symbols: readonly string[];
  startPrices?: Readonly<Record<string, number>>;
}

/**
 * A Heston-type stochastic-volatility process with jumps (Euler steps with a variance floor), one common
 * variance driving SPX; NDX, RUT (and any other symbol) load on the SPX shock with their own
 * idiosyncratic part; SPY = SPX/10 and QQQ = NDX/41 with a tiny tracking error; VIX is the
 * annualised instantaneous vol × 100 with a small OU noise, so it rises when SPX falls.
 * Pure and deterministic: the same seed and steps give the same path.
 */
export class TickProcess {
  private readonly rng: Prng;
  private readonly logPrices = new Map<string, number>();
  private variance: number = HESTON.theta;
  private vixNoise = 0;

  constructor(private readonly options: TickProcessOptions) {
    this.rng = new Prng(options.seed);
    const start: Record<string, number> = { ...START_PRICES };
    // Only the driving indices take a start price; SPY, QQQ and VIX follow from them and the variance.
    for (const [symbol, price] of Object.entries(options.startPrices ?? {})) {
      if (!['VIX', 'SPY', 'QQQ'].includes(symbol) && Number.isFinite(price) && price > 0) start[symbol] = price;
    }
    for (const s of ['SPX', 'NDX', ...options.symbols]) this.logPrices.set(s, Math.log(start[s] ?? 100));
    // A restart continues the volatility it left off at (VIX is the variance's readout), rather
    // than snapping back to the long-run mean: VIX would otherwise jump at every restart.
    const vix = options.startPrices?.['VIX'];
    if (vix !== undefined && Number.isFinite(vix) && vix > 0) this.variance = Math.max(HESTON.varianceFloor, (vix / 110) ** 2 / 252);
  }

  /** Current daily variance (for tests and diagnostics). */
  get dailyVariance(): number {
    return this.variance;
  }

  /** Advances by `dtSeconds` of trading time and returns every symbol's new price (2 decimals). */
  step(dtSeconds: number): Map<string, number> {
    const dt = dtSeconds / TRADING_DAY_SECONDS;
    const v = this.variance;
    const z1 = this.rng.gaussian();
    const z2 = HESTON.rho * z1 + Math.sqrt(1 - HESTON.rho ** 2) * this.rng.gaussian();
    const jump = this.rng.next() < HESTON.jumpsPerDay * dt ? HESTON.jumpMean + HESTON.jumpSd * this.rng.gaussian() : 0;
    // The jump compensator −λ(E[e^J] − 1) keeps the price a martingale: no drift, only noise.
    const compensator = (scale: number) => -HESTON.jumpsPerDay * dt * (Math.exp(scale * HESTON.jumpMean + 0.5 * (scale * HESTON.jumpSd) ** 2) - 1);
    const spxReturn = -0.5 * v * dt + Math.sqrt(v * dt) * z1 + jump + compensator(1);
    this.variance = v + HESTON.kappa * (HESTON.theta - v) * dt + HESTON.xi * Math.sqrt(v * dt) * z2;
    if (jump < 0) this.variance *= HESTON.jumpVarianceKick;
    this.variance = Math.max(this.variance, HESTON.varianceFloor);
    this.bump('SPX', spxReturn);

    for (const symbol of this.factorSymbols()) {
      const { corr, volScale } = FACTOR_PROFILES[symbol] ?? DEFAULT_PROFILE;
      const idio = Math.sqrt(1 - corr ** 2) * this.rng.gaussian();
      const sd = volScale * Math.sqrt(v * dt);
      this.bump(symbol, -0.5 * volScale ** 2 * v * dt + sd * (corr * z1 + idio) + volScale * jump + compensator(volScale));
    }
    // OU noise around the vol-implied VIX level (half-life ≈ a tenth of a day).
    this.vixNoise += -7 * this.vixNoise * dt + VIX_NOISE * Math.sqrt(14 * dt) * this.rng.gaussian();

    const out = new Map<string, number>();
    for (const symbol of this.options.symbols) out.set(symbol, round2(this.price(symbol)));
    return out;
  }

  /**
   * Every symbol's price now, without stepping and without the trackers' noise (so asking never
   * moves the path): the live start a backfilled history has to end at.
   */
  prices(): Map<string, number> {
    return new Map(this.options.symbols.map((symbol) => [symbol, round2(this.price(symbol, false))]));
  }

  private factorSymbols(): string[] {
    const derived = new Set(['SPX', 'VIX', 'SPY', 'QQQ']);
    const set = new Set(['NDX', ...this.options.symbols.filter((s) => !derived.has(s))]);
    return [...set];
  }

  private price(symbol: string, noise = true): number {
    const tracking = () => (noise ? 1 + TRACKER_NOISE * this.rng.gaussian() : 1);
    switch (symbol) {
      case 'VIX':
        return 100 * Math.sqrt(252 * this.variance) * 1.1 * Math.exp(this.vixNoise);
      case 'SPY':
        return (Math.exp(this.logPrices.get('SPX') ?? 0) / 10) * tracking();
      case 'QQQ':
        return (Math.exp(this.logPrices.get('NDX') ?? 0) / 41) * tracking();
      default:
        return Math.exp(this.logPrices.get(symbol) ?? 0);
    }
  }

  private bump(symbol: string, logReturn: number): void {
    this.logPrices.set(symbol, (this.logPrices.get(symbol) ?? 0) + logReturn);
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
