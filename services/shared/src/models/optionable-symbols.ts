/**
 * Symbols whose options the market producer prices (chain, heatmap, GEX, mode, ideas). The header
 * offers more (VIX is an index to watch, not one we list options for); a panel that needs options
 * says so for the others instead of waiting for a model that will never come.
 */
export const OPTIONABLE_SYMBOLS = ['SPX', 'NDX', 'RUT', 'SPY', 'QQQ'] as const;
export type OptionableSymbol = (typeof OPTIONABLE_SYMBOLS)[number];

const optionable = new Set<string>(OPTIONABLE_SYMBOLS);

export function hasOptions(symbol: string): boolean {
  return optionable.has(symbol);
}
