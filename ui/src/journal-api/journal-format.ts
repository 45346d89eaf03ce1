/**
 * How the journal pages write numbers, so a figure reads the same on the trades list, a trade's page
 * and the analytics dashboard. Minus signs are true minus signs (U+2212) for tabular figures; a
 * missing value (`null`: the API could not compute it) is an em dash, never 0.
 */

const MISSING = '—';
const minus = (text: string) => text.replaceAll('-', '−');

const money2 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const moneySigned = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const fixed2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent1 = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `$1,234.50`; with `signed`, `+$12.00` / `−$3.10` (P&L). */
export function formatMoney(value: number | null, signed = false): string {
  if (value === null) return MISSING;
  return minus((signed ? moneySigned : money2).format(value));
}

/** A price or quantity exactly as the API gives it, up to its 6 decimals: `4.85`, `0.0125`. */
export function formatDecimal(value: number | null): string {
  return value === null ? MISSING : minus(decimal.format(value));
}

/** A fraction as a percentage: 0.5 → `50.0%`. */
export function formatRate(value: number | null): string {
  return value === null ? MISSING : minus(percent1.format(value));
}

/** A number that already is a percentage: 5 → `5.0%`. */
export function formatPct(value: number | null): string {
  return value === null ? MISSING : `${minus(fixed2.format(value))}%`;
}

/** A ratio to two decimals: `1.85`. */
export function formatRatio(value: number | null): string {
  return value === null ? MISSING : minus(fixed2.format(value));
}

/** An R multiple: `+1.50R`. */
export function formatR(value: number | null): string {
  if (value === null) return MISSING;
  return `${value > 0 ? '+' : ''}${minus(fixed2.format(value))}R`;
}

export function formatCount(value: number | null): string {
  return value === null ? MISSING : minus(integer.format(value));
}

/** A duration in ms as its two largest units: `3d 4h`, `2h 05m`, `45m`, `30s`. */
export function formatDurationMs(value: number | null): string {
  if (value === null) return MISSING;
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
export function formatDateTime(ms: number | null, timeZone?: string): string {
  if (ms === null) return MISSING;
  const key = timeZone ?? '';
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { ...(timeZone ? { timeZone } : {}), year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateTimeFormats.set(key, format);
  }
  return format.format(ms);
}

/** `up`, `down` or `flat`: the class P&L is coloured by. */
export function pnlTone(value: number | null): 'up' | 'down' | 'flat' {
  if (value === null || value === 0) return 'flat';
  return value > 0 ? 'up' : 'down';
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Axis labels: `$1.2K`, `−$350`. */
export function formatMoneyCompact(value: number): string {
  return `${value < 0 ? '−' : ''}$${compact.format(Math.abs(value))}`;
}
