import { type EquityPoint } from './equity-curve.js';

/** One fall below a peak until equity is back at (or above) that peak. */
export interface DrawdownPeriod {
  peakAt: number;
  peakMinor: number;
  troughAt: number;
  troughMinor: number;
  /** peak − trough, > 0. */
  amountMinor: number;
  /** amount / peak × 100 when the peak equity is positive (needs a starting capital); else null. */
  pct: number | null;
  /** First time equity is back at the peak; null while the drawdown is still open. */
  recoveredAt: number | null;
  /** recoveredAt − peakAt; null while open (only completed periods have a duration). */
  durationMs: number | null;
  /** recoveredAt − troughAt; null while open. */
  recoveryMs: number | null;
}

/** Splits an equity curve into drawdown periods, oldest first; the last one may still be open. */
export function drawdowns(curve: readonly EquityPoint[], hasCapital: boolean): DrawdownPeriod[] {
  const out: DrawdownPeriod[] = [];
  let peak = curve[0];
  let open: DrawdownPeriod | null = null;
  for (const p of curve) {
    if (!peak) break;
    if (p.equityMinor >= peak.equityMinor) {
      if (open) {
        open.recoveredAt = p.at;
        open.durationMs = p.at - open.peakAt;
        open.recoveryMs = p.at - open.troughAt;
        out.push(open);
        open = null;
      }
      peak = p;
      continue;
    }
    if (!open || p.equityMinor < open.troughMinor) {
      const amountMinor = peak.equityMinor - p.equityMinor;
      const pct = hasCapital && peak.equityMinor > 0 ? (amountMinor / peak.equityMinor) * 100 : null;
      open = { peakAt: peak.at, peakMinor: peak.equityMinor, troughAt: p.at, troughMinor: p.equityMinor, amountMinor, pct, recoveredAt: null, durationMs: null, recoveryMs: null };
    }
  }
  if (open) out.push(open);
  return out;
}

export interface DrawdownSummary {
  maxDrawdown: number;
  maxDrawdownPct: number | null;
  maxDrawdownDurationMs: number | null;
  maxDrawdownRecoveryMs: number | null;
}

/**
 * The deepest amount and the deepest percentage (each over all periods, open ones included; they
 * can come from different periods), and the longest duration and recovery over completed periods.
 */
export function summarizeDrawdowns(periods: readonly DrawdownPeriod[], hasCapital: boolean): DrawdownSummary {
  let maxDrawdown = 0;
  let maxDrawdownPct: number | null = hasCapital ? 0 : null;
  let maxDrawdownDurationMs: number | null = null;
  let maxDrawdownRecoveryMs: number | null = null;
  for (const d of periods) {
    maxDrawdown = Math.max(maxDrawdown, d.amountMinor);
    if (d.pct !== null) maxDrawdownPct = Math.max(maxDrawdownPct ?? 0, d.pct);
    if (d.durationMs !== null) maxDrawdownDurationMs = Math.max(maxDrawdownDurationMs ?? 0, d.durationMs);
    if (d.recoveryMs !== null) maxDrawdownRecoveryMs = Math.max(maxDrawdownRecoveryMs ?? 0, d.recoveryMs);
  }
  return { maxDrawdown, maxDrawdownPct, maxDrawdownDurationMs, maxDrawdownRecoveryMs };
}
