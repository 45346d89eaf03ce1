import { useEffect, useId, useState } from 'react';
import { useConnection } from '../stores/hooks';
import type { StreamHub } from '../stream/stream-hub';
import { pulseOf } from './pulse-state';

/**
 * Live / stale / reconnecting, re-evaluated once a second on its own (never per event). The
 * protocol detail ("h2 · 8 streams") is for the curious, so it is the pulse's tooltip and its
 * description rather than header text.
 */
export function ConnectionPulse({ hub }: { hub: StreamHub }) {
  const connection = useConnection(hub);
  const [now, setNow] = useState(() => Date.now());
  const detailId = useId();
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const pulse = pulseOf(connection, hub.lastEventTime(), now);
  const detail = `${connection.protocol ?? 'unknown protocol'} · ${connection.transport === 'multiplexed' ? '1 multiplexed stream' : `${connection.streams} streams`}`;
  return (
    <div className="pulse" data-testid="pulse" data-state={pulse.state} title={`Connection: ${detail}`} aria-describedby={detailId}>
      <span className="pulse-dot" aria-hidden="true" />
      {/* Only the state is announced; the seconds counter would be read out every second. */}
      <span className="visually-hidden" role="status">
        {`Connection ${pulse.state}`}
      </span>
      <span className="pulse-label" aria-hidden="true">
        {pulse.label}
      </span>
      <span id={detailId} className="visually-hidden" data-testid="transport" data-protocol={connection.protocol ?? 'unknown'} data-transport={connection.transport} data-streams={connection.streams}>
        {detail}
      </span>
    </div>
  );
}
