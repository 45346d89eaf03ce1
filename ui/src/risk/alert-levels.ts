import type { AlertDto } from '@marketswarm/shared/dto';

/** The TanStack Query key of the trader's alert list: the alert manager's (AlertsPage `alertKeys.list`), so both read one cache. */
export const ALERT_LIST_KEY = ['alerts', 'list'] as const;

/** The levels of the trader's live price alerts on `symbol`, ascending and once each: the lines the risk graph draws. */
export function alertLevels(alerts: readonly AlertDto[] | undefined, symbol: string): number[] {
  const levels = new Set<number>();
  for (const a of alerts ?? []) if (a.kind === 'price' && a.enabled && a.symbol.toUpperCase() === symbol.toUpperCase()) levels.add(a.level);
  return [...levels].sort((a, b) => a - b);
}
