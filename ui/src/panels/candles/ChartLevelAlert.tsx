import type { Ref } from 'react';
import { formatLevel, type LevelAlertStatus } from './chart-level';

export interface ChartLevelAlertViewProps {
  symbol: string;
  /** The level last clicked on the chart; no action without one. */
  level: number | undefined;
  status: LevelAlertStatus | undefined;
  busy: boolean;
  onAlert: (level: number) => void;
  /** The group, so a click inside it does not count as a click elsewhere. */
  groupRef?: Ref<HTMLSpanElement>;
}

/**
 * "Alert at <level>" beside the candles toolbar, offered after a click on the chart. The status
 * region is always in the page, so a screen reader hears the outcome when its text changes.
 */
export function ChartLevelAlertView({ symbol, level, status, busy, onAlert, groupRef }: ChartLevelAlertViewProps) {
  return (
    <span ref={groupRef} className="candles-level" role="group" aria-label={`${symbol} chart level alert`}>
      {level !== undefined && (
        <button
          type="button"
          className="candles-level-alert"
          data-testid="chart-level-alert"
          data-level={level.toFixed(2)}
          title={`Price alert when ${symbol} reaches ${formatLevel(level)} (Esc to dismiss)`}
          disabled={busy}
          onClick={() => onAlert(level)}
        >
          {`Alert at ${formatLevel(level)}`}
        </button>
      )}
      <span className={`candles-level-status${status?.ok === false ? ' candles-level-error' : ''}`} data-testid="chart-level-alert-status" role="status">
        {status?.text ?? ''}
      </span>
    </span>
  );
}
