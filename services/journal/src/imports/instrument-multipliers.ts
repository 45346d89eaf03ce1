import { RowError } from './import-result.js';
/**
 * Dollars per point of futures contracts (and of options on them, which deliver one contract), by
 * CME root. Exports rarely state it: tastytrade writes Multiplier 1 for a /MES option worth $5 a
 * point. The user's symbol settings extend or override this table through `ImportOptions.multipliers`.
 */
export const FUTURES_MULTIPLIERS: Readonly<Record<string, string>> = {
  ES: '50',
  MES: '5',
  NQ: '20',
  MNQ: '2',
  RTY: '50',
  M2K: '5',
  YM: '5',
  MYM: '0.5',
  CL: '1000',
  MCL: '100',
  NG: '10000',
  GC: '100',
  MGC: '10',
  SI: '5000',
  ZB: '1000',
  ZN: '1000',
  ZF: '1000',
  '6E': '125000',
};

export const STOCK_MULTIPLIER = '1';
export const EQUITY_OPTION_MULTIPLIER = '100';

const MONTH_CODES = 'FGHJKMNQUVXZ';

/**
 * The root of a futures contract code: `/CLJ4` → `CL`, `MNQM6` → `MNQ`, `/MESU24` → `MES`.
 * The code is root + month letter + one or two year digits.
 */
export function futuresRoot(contract: string): string | null {
  const match = new RegExp(`^/?([A-Z0-9]{1,4}?)[${MONTH_CODES}]\\d{1,2}$`).exec(contract.trim().toUpperCase());
  return match?.[1] ?? null;
}

export function futuresMultiplier(root: string, overrides: Readonly<Record<string, string>> = {}): string | null {
  return overrides[root] ?? FUTURES_MULTIPLIERS[root] ?? null;
}

/**
 * The root and multiplier of a futures contract (or of a futures option's underlying), or a row
 * error naming `shownAs` when the root is unknown or has no multiplier.
 */
export function futuresContract(contract: string, overrides: Readonly<Record<string, string>> = {}, shownAs: string = contract): { root: string; multiplier: string } {
  const root = futuresRoot(contract);
  const multiplier = root === null ? null : futuresMultiplier(root, overrides);
  if (root === null || multiplier === null) throw new RowError(`unknown futures root in "${shownAs}": add its multiplier to the symbols`);
  return { root, multiplier };
}
