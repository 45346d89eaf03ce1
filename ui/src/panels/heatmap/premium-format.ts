import { roundToOptionTick } from '@marketswarm/shared/pricing';

/** Whether a signed price is paid (debit) or received (credit). */
export const premiumKind = (price: number): 'debit' | 'credit' => (price < 0 ? 'credit' : 'debit');

/**
 * A signed trade price (negative = credit received) at the exchange's tick for `symbol`, as the
 * grid shows it: `2.40` for a debit, `cr 4.20` for a credit (the legend explains `cr`). Ticks are
 * at least a cent, so two decimals show any tick exactly and keep the column from jittering.
 */
export function formatPremium(symbol: string, price: number): string {
  if (!Number.isFinite(price)) return '—';
  const ticked = roundToOptionTick(symbol, Math.abs(price)).toFixed(2);
  return price < 0 ? `cr ${ticked}` : ticked;
}

/** The same in words, for accessible names and tooltips: `debit 2.40`, `credit 4.20`. */
export function premiumWords(symbol: string, price: number): string {
  if (!Number.isFinite(price)) return 'no price';
  return `${premiumKind(price)} ${roundToOptionTick(symbol, Math.abs(price)).toFixed(2)}`;
}
