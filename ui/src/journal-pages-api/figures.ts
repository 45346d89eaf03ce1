/**
 * How the journal pages print figures. Money keeps its sign with a true minus (tabular columns
 * line up), rates are fractions shown as percents, and a figure the server could not compute
 * (`null`) prints as an em dash, never as 0 or NaN.
 */

export const NONE = '—';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const moneyPlain = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const ratio = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const trueMinus = (s: string): string => s.replaceAll('-', '−');

const known = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** "+1,234.50", "−12.00", "0.00". */
export function formatPnl(value: number | null | undefined): string {
  return known(value) ? trueMinus(money.format(value)) : NONE;
}

/** A price or limit without a forced sign: "4.20", "−1.35" (a credit). */
export function formatAmount(value: number | null | undefined): string {
  return known(value) ? trueMinus(moneyPlain.format(value)) : NONE;
}

/** "+1.2K", "−350": fits in a calendar cell. */
export function formatPnlCompact(value: number | null | undefined): string {
  return known(value) ? trueMinus(compact.format(value)) : NONE;
}

/** A fraction as a percent: 0.5 → "50%", 0.6667 → "66.7%". */
export function formatRate(value: number | null | undefined): string {
  if (!known(value)) return NONE;
  const pct = Math.round(value * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** Profit factor: "1.85"; "∞" when there were wins and no losses; "—" when it cannot be computed. */
export function formatProfitFactor(value: number | null | undefined, noLosers = false): string {
  if (known(value)) return ratio.format(value);
  return noLosers ? '∞' : NONE;
}

export function formatCount(value: number | null | undefined): string {
  return known(value) ? whole.format(value) : NONE;
}

/** A score or other ratio with two decimals. */
export function formatRatio(value: number | null | undefined): string {
  return known(value) ? trueMinus(ratio.format(value)) : NONE;
}

/** The CSS class of a signed figure: `up`, `down` or `flat`. */
export function toneOf(value: number | null | undefined): 'up' | 'down' | 'flat' {
  if (!known(value) || value === 0) return 'flat';
  return value > 0 ? 'up' : 'down';
}

/** "Dec 7, 14:32" in the given zone (exchange time by default). */
export function formatTime(ms: number | null | undefined, timeZone = 'America/New_York'): string {
  if (!known(ms)) return NONE;
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(ms);
}

/** "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
