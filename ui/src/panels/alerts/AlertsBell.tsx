import { useCallback, useEffect, useId, useState } from 'react';
import { useFeed } from '../../stores/hooks';
import type { AlertItem } from '../../stores/workspace-stores';
import { absoluteTime, isoTime, relativeTime } from '../../text/relative-time';
import { useNow } from '../../text/use-now';
import { useWorkspace } from '../../workspace/workspace-context';
import { countUnread, SEVERITY_LABEL, severityOf } from './arrivals';
import { usePopoverDismiss } from '../../components/use-popover-dismiss';
import './alerts.css';

/** Recent alerts the dropdown lists. */
const RECENT = 20;

/**
 * The header's alerts button: the number of alerts that arrived since the menu was last opened
 * (`data-unread`), and a dropdown of recent alerts. Alerts the page mounted with count as read.
 */
export function AlertsBell({ limit = RECENT }: { limit?: number }) {
  const { stores, commands } = useWorkspace();
  const items = useFeed(stores.alerts);
  const now = useNow(15_000);
  const [mountedAt] = useState(() => Date.now());
  const [read, setRead] = useState<ReadonlySet<string>>(() => new Set(stores.alerts.getItems().map((a) => a.id)));
  const [open, setOpen] = useState(false);

  // Everything listed while the menu is open has been seen.
  useEffect(() => {
    if (!open) return;
    setRead((seen) => (items.every((a) => seen.has(a.id)) ? seen : new Set([...seen, ...items.map((a) => a.id)])));
  }, [open, items]);

  // The `b` shortcut opens the list from anywhere in the workspace.
  useEffect(() => commands.on('alerts.open', () => setOpen(true)), [commands]);

  const toggle = useCallback(() => setOpen((v) => !v), []);
  const close = useCallback(() => setOpen(false), []);
  const unread = countUnread(items, read, mountedAt);
  return <AlertsBellView unread={unread} open={open} recent={items.slice(0, limit)} now={now} onToggle={toggle} onClose={close} />;
}

export interface AlertsBellViewProps {
  unread: number;
  open: boolean;
  /** Newest first. */
  recent: readonly AlertItem[];
  now: number;
  onToggle: () => void;
  onClose: () => void;
}

export function AlertsBellView({ unread, open, recent, now, onToggle, onClose }: AlertsBellViewProps) {
  const { rootRef, buttonRef, onKeyDown } = usePopoverDismiss(open, onClose);
  const menuId = useId();

  return (
    <div className="alerts-bell" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="alerts-bell-button"
        data-testid="alerts-bell"
        data-unread={unread}
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={unread > 0 ? `Alerts, ${unread} unread` : 'Alerts'}
        title="Recent alerts"
        onClick={onToggle}
      >
        <svg className="alerts-bell-icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
          <path d="M8 1.5A4.5 4.5 0 0 0 3.5 6v2.7L2 11.2V12h12v-.8l-1.5-2.5V6A4.5 4.5 0 0 0 8 1.5ZM6.3 13a1.75 1.75 0 0 0 3.4 0Z" fill="currentColor" />
        </svg>
        <span className="alerts-bell-count" aria-hidden="true" hidden={unread === 0}>
          {unread > 99 ? '99+' : unread}
        </span>
      </button>
      {open && (
        <div id={menuId} className="alerts-menu" data-testid="alerts-menu" role="region" aria-label="Recent alerts">
          {recent.length === 0 ? (
            <p className="alerts-menu-empty">No alerts yet.</p>
          ) : (
            <ol className="alerts-menu-list">
              {recent.map((alert) => {
                const severity = severityOf(alert);
                return (
                  <li key={alert.id} className="alerts-menu-item" data-testid="alerts-menu-item" data-id={alert.id} data-severity={severity}>
                    <span className="alerts-severity" data-severity={severity}>
                      {SEVERITY_LABEL[severity]}
                    </span>
                    <span className="alerts-menu-message">{alert.message}</span>
                    <time className="alerts-menu-time" dateTime={isoTime(alert.ts)} title={absoluteTime(alert.ts)}>
                      {relativeTime(alert.ts, now)}
                    </time>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
