import { describe, expect, it } from 'vitest';
import { pulseOf, STALE_AFTER_MS } from './pulse-state';

describe(pulseOf.name, () => {
  const now = 1_000_000;
  it('is live while events keep coming', () => {
    expect(pulseOf({ status: 'live' }, now - 1200, now)).toEqual({ state: 'live', ageSec: 1, label: 'Live' });
  });

  it('turns stale with the seconds since the last event once quiet for too long', () => {
    expect(pulseOf({ status: 'live' }, now - STALE_AFTER_MS - 2000, now)).toMatchObject({ state: 'stale', ageSec: 7, label: 'Stale · 7s ago' });
    expect(pulseOf({ status: 'live' }, undefined, now)).toMatchObject({ state: 'stale', label: 'Stale · no data yet' });
  });

  it('shows reconnecting, connecting and signed out from the connection status', () => {
    expect(pulseOf({ status: 'reconnecting' }, now - 3000, now)).toMatchObject({ state: 'reconnecting', label: 'Reconnecting · 3s ago' });
    expect(pulseOf({ status: 'connecting' }, undefined, now).state).toBe('connecting');
    expect(pulseOf({ status: 'idle' }, undefined, now).state).toBe('connecting');
    expect(pulseOf({ status: 'signed-out' }, now, now).state).toBe('offline');
  });
});
