import type { AlertKind } from '@marketswarm/shared/dto';

/** One alert hit this copilot instance recorded in the journal and published to its owner. */
export interface FiredAlert {
  userId: string;
  alertId: string;
  /** The journal's hit id: the `alerts` event's `id`, so a reloaded tab can tell it has shown it. */
  hitId: string;
  kind: AlertKind | 'prompt-alert' | 'order-fill';
  message: string;
  severity: 'info' | 'warning' | 'critical';
  /** What the evaluator saw (price, P&L, greek) when it fired, when there is one number. */
  value: number | null;
  symbol: string | null;
  at: number;
}

export type FiredAlertListener = (fired: FiredAlert) => void;

/**
 * In-process notice of fired alerts (the commentary comments on them). The durable copy is the
 * `alerts` event on the bus; this is only for other modules of the same process, so a listener
 * that throws is isolated from the engine and from the other listeners.
 */
export class FiredAlerts {
  private readonly listeners = new Set<FiredAlertListener>();

  onFired(listener: FiredAlertListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(fired: FiredAlert, onError: (error: unknown) => void = () => undefined): void {
    for (const listener of this.listeners) {
      try {
        listener(fired);
      } catch (error) {
        onError(error);
      }
    }
  }
}
