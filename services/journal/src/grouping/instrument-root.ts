import { INDEX_OPTION_ROOTS } from '@marketswarm/shared/models';

/**
 * Which root a fill belongs to. Trades are named and grouped by the underlying's root, so SPXW
 * weeklies and SPX monthlies of one day are one SPX trade (IBKR already reports SPX as their
 * underlying; tastytrade and thinkorswim write the weekly root in places) and a futures calendar
 * /ESU25 – /ESZ25 is one /ES trade.
 */


/** A dated futures contract: root, month code, one or two year digits (/MESU4, /ESZ25, /M2KU5). */
const FUTURES_CONTRACT = /^(\/[A-Z0-9]+?)[FGHJKMNQUVXZ]\d{1,2}$/;

/** The trade symbol of a fill's underlying: SPXW → SPX, /ESU25 → /ES, NVDA → NVDA. */
export function underlyingRoot(underlying: string): string {
  const upper = underlying.trim().toUpperCase();
  const future = FUTURES_CONTRACT.exec(upper);
  if (future?.[1]) return future[1];
  return INDEX_OPTION_ROOTS[upper] ?? upper;
}

/** OCC symbol: root padded to six, YYMMDD, C/P, strike × 1000 in eight digits. */
const OCC_SYMBOL = /^([A-Z0-9]{1,6})\s*\d{6}[CP]\d{8}$/;

/** The option root of an OCC symbol (SPXW for `SPXW  261207P06000000`); undefined for any other spelling. */
export function occRoot(symbol: string): string | undefined {
  return OCC_SYMBOL.exec(symbol.trim().toUpperCase())?.[1];
}

/**
 * Index option roots settled in cash at expiry (no shares or futures are delivered), for which a
 * leg left open past its expiry is closed at the settlement value. Equity and futures options are
 * physically settled: their brokers report the expiration, assignment or exercise as a row.
 */
export const CASH_SETTLED_ROOTS: ReadonlySet<string> = new Set(['SPX', 'SPXW', 'SPXPM', 'XSP', 'NDX', 'NDXP', 'XND', 'RUT', 'RUTW', 'MRUT', 'VIX', 'VIXW', 'DJX', 'OEX', 'XEO']);

/** Roots whose standard monthly (third-Friday) series settles on the morning's opening prices (SET/SOQ). */
const AM_MONTHLY_ROOTS: ReadonlySet<string> = new Set(['SPX', 'NDX', 'RUT']);

/**
 * Whether an option settles AM: VIX options always do (on their Wednesday), the SPX/NDX/RUT roots on
 * their third-Friday monthly expiry; every weekly, end-of-month and PM root (SPXW, NDXP, XSP…) settles
 * at the close. An export that writes SPX for a third-Friday SPXW cannot be told apart here.
 */
export function isAmSettled(root: string, expiry: string): boolean {
  if (root === 'VIX' || root === 'VIXW') return true;
  return AM_MONTHLY_ROOTS.has(root) && isThirdFriday(expiry);
}

function isThirdFriday(expiry: string): boolean {
  const date = new Date(`${expiry}T00:00:00Z`);
  return date.getUTCDay() === 5 && date.getUTCDate() >= 15 && date.getUTCDate() <= 21;
}
