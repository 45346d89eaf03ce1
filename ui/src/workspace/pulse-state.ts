import type { ConnectionState } from '../stream/stream-hub';

export type PulseState = 'connecting' | 'live' | 'stale' | 'reconnecting' | 'offline';

/** No event for this long on an open connection: the data on screen may be old. */
export const STALE_AFTER_MS = 5_000;

export interface Pulse {
  state: PulseState;
  /** Whole seconds since the last event, when there was one. */
  ageSec: number | undefined;
  label: string;
}

/** What the header's connection pulse shows, from the hub's state and the last event's time. */
export function pulseOf(connection: Pick<ConnectionState, 'status'>, lastEventAt: number | undefined, now: number): Pulse {
  const ageSec = lastEventAt === undefined ? undefined : Math.max(0, Math.floor((now - lastEventAt) / 1000));
  const since = ageSec === undefined ? '' : ` · ${ageSec}s ago`;
  switch (connection.status) {
    case 'idle':
    case 'connecting':
      return { state: 'connecting', ageSec, label: 'Connecting…' };
    case 'reconnecting':
      return { state: 'reconnecting', ageSec, label: `Reconnecting${since}` };
    case 'signed-out':
      return { state: 'offline', ageSec, label: 'Signed out' };
    case 'live':
      if (lastEventAt === undefined || now - lastEventAt > STALE_AFTER_MS) return { state: 'stale', ageSec, label: `Stale${since || ' · no data yet'}` };
      return { state: 'live', ageSec, label: 'Live' };
  }
}
