/**
 * How the journal pages write numbers, so a figure reads the same on the trades list, a trade's page,
 * the analytics dashboard, the calendar, the playbook and the leaderboard. Minus signs are true minus
 * signs (U+2212) for tabular figures; a missing value (`null`: the API could not compute it; or
 * undefined, NaN) is an em dash, never 0 or NaN.
 */

export const NONE = '—';
const MISSING = NONE;
const minus = (text: string) => text.replaceAll('-', '−');
const known = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

const money2 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const moneySigned = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const fixed2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const fixed2Signed = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const compactSigned = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `$1,234.50`; with `signed`, `+$12.00` / `−$3.10` (P&L). */
export function formatMoney(value: number | null | undefined, signed = false): string {
  if (!known(value)) return MISSING;
  return minus((signed ? moneySigned : money2).format(value));
}

/** A price or quantity exactly as the API gives it, up to its 6 decimals: `4.85`, `0.0125`. */
export function formatDecimal(value: number | null | undefined): string {
  return !known(value) ? MISSING : minus(decimal.format(value));
}

/** A fraction as a percent with at most one decimal: 0.5 → `50%`, 2/3 → `66.7%`. */
export function formatRate(value: number | null | undefined): string {
  if (!known(value)) return MISSING;
  const pct = Math.round(value * 1000) / 10;
  return minus(`${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`);
}

/** A number that already is a percentage: 5 → `5.0%`. */
export function formatPct(value: number | null | undefined): string {
  return !known(value) ? MISSING : `${minus(fixed2.format(value))}%`;
}

/** A ratio or score to two decimals: `1.85`. */
export function formatRatio(value: number | null | undefined): string {
  return !known(value) ? MISSING : minus(fixed2.format(value));
}

/** An R multiple: `+1.50R`. */
export function formatR(value: number | null | undefined): string {
  if (!known(value)) return MISSING;
  return `${value > 0 ? '+' : ''}${minus(fixed2.format(value))}R`;
}

export function formatCount(value: number | null | undefined): string {
  return !known(value) ? MISSING : minus(integer.format(value));
}

/** A duration in ms as its two largest units: `3d 4h`, `2h 05m`, `45m`, `30s`. */
export function formatDurationMs(value: number | null | undefined): string {
  if (!known(value)) return MISSING;
  const total = Math.round(Math.abs(value) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m`;
  return `${total}s`;
}

// One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it,
// and the trades list formats two dates per row on every scroll frame.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** `Dec 1, 2026, 14:30` in `timeZone` (the journal's exchange zone) or the viewer's. */
export function formatDateTime(ms: number | null | undefined, timeZone?: string): string {
  if (!known(ms)) return MISSING;
  const key = timeZone ?? '';
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { ...(timeZone ? { timeZone } : {}), year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateTimeFormats.set(key, format);
  }
  return format.format(ms);
}

/** `up`, `down` or `flat`: the class P&L (or any signed figure) is coloured by. */
export function pnlTone(value: number | null | undefined): 'up' | 'down' | 'flat' {
  if (!known(value) || value === 0) return 'flat';
  return value > 0 ? 'up' : 'down';
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Axis labels: `$1.2K`, `−$350`. */
export function formatMoneyCompact(value: number): string {
  return `${value < 0 ? '−' : ''}$${compact.format(Math.abs(value))}`;
}

/** Signed P&L without a currency sign, for dense tables and cards: `+1,234.50`, `−12.00`, `0.00`. */
export function formatPnl(value: number | null | undefined): string {
  return known(value) ? minus(fixed2Signed.format(value)) : MISSING;
}

/** A price or limit without a forced sign: `4.20`, `−1.35` (a credit). */
export function formatAmount(value: number | null | undefined): string {
  return known(value) ? minus(fixed2.format(value)) : MISSING;
}

/** `+1.2K`, `−350`: fits in a calendar cell. */
export function formatPnlCompact(value: number | null | undefined): string {
  return known(value) ? minus(compactSigned.format(value)) : MISSING;
}

/** Profit factor: `1.85`; `∞` when there were wins and no losses; a dash when it cannot be computed. */
export function formatProfitFactor(value: number | null | undefined, noLosers = false): string {
  if (known(value)) return fixed2.format(value);
  return noLosers ? '∞' : MISSING;
}

const shortTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** `Dec 7, 14:32` in the given zone (exchange time by default). */
export function formatTime(ms: number | null | undefined, timeZone = 'America/New_York'): string {
  if (!known(ms)) return MISSING;
  let format = shortTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
    shortTimeFormats.set(timeZone, format);
  }
  return format.format(ms);
}

/** `1.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
