import { useCallback, useEffect, useRef, useState, type FocusEvent } from 'react';
import type { AlertItem } from '../../stores/workspace-stores';
import { useWorkspace } from '../../workspace/workspace-context';
import { playAlertSound } from '../../alerts-api/alert-sound';
import { MAX_TOASTS, pushToasts, SEVERITY_LABEL, severityOf } from './arrivals';
import { firedItem, firedToToast, looksFired } from './fired-alerts';
import { browserStorage, ShownHits } from './shown-hits';
import './alerts.css';

export { AlertsBell, AlertsBellView } from './AlertsBell';

/** How long a non-critical toast stays (paused while hovered or focused). */
export const TOAST_MS = 8_000;
/** After a pause, a toast stays at least this long. */
const AFTER_PAUSE_MS = 2_000;

export interface AlertsToastsProps {
  durationMs?: number;
  max?: number;
}

/**
 * Pops up the user's fired alerts (`alerts` events of type `fired`), newest first, at most four,
 * each for 8 s; critical ones stay until dismissed. A hit toasts at most once in this browser, also
 * across reloads (the gateway sends a fresh tab the latest snapshot again), and hits published well
 * before the page mounted never pop up (a late-published hit with an old tick does). Escape dismisses the newest. Fixed-position, so nothing on
 * the page moves.
 */
export function AlertsToasts({ durationMs = TOAST_MS, max = MAX_TOASTS }: AlertsToastsProps) {
  const { hub, stores } = useWorkspace();
  const [mountedAt] = useState(() => Date.now());
  const [shown] = useState(() => new ShownHits(browserStorage()));
  const [toasts, setToasts] = useState<readonly AlertItem[]>([]);

  useEffect(() => {
    const arrive = (candidates: readonly AlertItem[]): void => {
      const fresh = firedToToast(candidates, shown, mountedAt, Date.now());
      if (fresh.length === 0) return;
      setToasts((current) => pushToasts(current, fresh, max));
      playAlertSound();
    };
    // The streams open while React mounts: fired alerts that reached the store first are caught up here.
    arrive(stores.alerts.getItems().filter(looksFired));
    return hub.on('alerts', (event) => {
      const fired = firedItem(event);
      if (fired) arrive([fired]);
    });
  }, [hub, stores, shown, mountedAt, max]);

  const dismiss = useCallback((id: string) => setToasts((shown) => shown.filter((a) => a.id !== id)), []);

  const showing = toasts.length > 0;
  useEffect(() => {
    if (!showing) return;
    const onKey = (e: KeyboardEvent): void => {
      // A menu or dialog that handled Escape itself calls preventDefault.
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      setToasts((shown) => shown.slice(1));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [showing]);

  return <ToastStack toasts={toasts} durationMs={durationMs} onDismiss={dismiss} />;
}

export interface ToastStackProps {
  /** Newest first. */
  toasts: readonly AlertItem[];
  durationMs?: number;
  onDismiss: (id: string) => void;
}

/** The live region and its toasts (rendered even when empty, so screen readers track it). */
export function ToastStack({ toasts, durationMs = TOAST_MS, onDismiss }: ToastStackProps) {
  return (
    <section className="alerts-toasts" data-testid="toasts" aria-label="Alert notifications" aria-live="polite" aria-relevant="additions">
      {toasts.map((alert) => (
        <Toast key={alert.id} alert={alert} durationMs={durationMs} onDismiss={onDismiss} />
      ))}
    </section>
  );
}

function Toast({ alert, durationMs, onDismiss }: { alert: AlertItem; durationMs: number; onDismiss: (id: string) => void }) {
  const severity = severityOf(alert);
  const sticky = severity === 'critical';
  const [paused, setPaused] = useState(false);
  const remaining = useRef(durationMs);

  useEffect(() => {
    if (sticky || paused) return;
    const started = Date.now();
    const timer = setTimeout(() => onDismiss(alert.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(AFTER_PAUSE_MS, remaining.current - (Date.now() - started));
    };
  }, [sticky, paused, alert.id, onDismiss]);

  const onBlur = (e: FocusEvent<HTMLDivElement>): void => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setPaused(false);
  };

  const label = SEVERITY_LABEL[severity];
  return (
    <div
      className="alerts-toast"
      data-testid="toast"
      data-severity={severity}
      data-id={alert.id}
      role={sticky ? 'alert' : undefined}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={onBlur}
    >
      <span className="alerts-severity" data-severity={severity}>
        {label}
      </span>
      {/* Producer text: rendered as text only. */}
      <p className="alerts-toast-message">{alert.message}</p>
      <button type="button" className="alerts-toast-dismiss" aria-label={`Dismiss ${label.toLowerCase()} alert`} title="Dismiss (Esc dismisses the newest)" onClick={() => onDismiss(alert.id)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
