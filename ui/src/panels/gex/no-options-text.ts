import { OPTIONABLE_SYMBOLS } from '@marketswarm/shared/models';

/** "SPX, NDX, RUT, SPY and QQQ": the symbols whose options the producer prices, in words. */
export function optionableList(symbols: readonly string[] = OPTIONABLE_SYMBOLS): string {
  return symbols.length <= 1 ? (symbols[0] ?? '') : `${symbols.slice(0, -1).join(', ')} and ${symbols.at(-1)}`;
}

/**
 * What an options panel says at once for a symbol without listed options (VIX), instead of waiting
 * for a model the producer will never publish: `computed` is the subject and verb, e.g. "GEX is".
 */
export function noOptionsText(symbol: string, computed: string): string {
  return `${symbol} has no listed options here: ${computed} computed for ${optionableList()}.`;
}
