/**
 * The six symbols of the benchmark, with a start price near the simulator's (services/massive
 * START_PRICES; IWM is not simulated there, so it starts at RUT/10) and the price increment the
 * quotes come in (cents for the ETFs and for index values alike).
 */
export const BENCH_SYMBOLS = [
  { symbol: 'SPX', price: 5000, increment: 0.01 },
  { symbol: 'NDX', price: 17500, increment: 0.01 },
  { symbol: 'RUT', price: 2000, increment: 0.01 },
  { symbol: 'SPY', price: 500, increment: 0.01 },
  { symbol: 'QQQ', price: 426.8, increment: 0.01 },
  { symbol: 'IWM', price: 200, increment: 0.01 },
] as const;

export type BenchSymbol = (typeof BENCH_SYMBOLS)[number]['symbol'];

/** Rounds to the increment without the binary-fraction drift of `Math.round(p / inc) * inc`. */
export function onIncrement(price: number, increment: number): number {
  const steps = Math.round(price / increment);
  const decimals = Math.max(0, -Math.floor(Math.log10(increment)));
  return Number((steps * increment).toFixed(decimals));
}
