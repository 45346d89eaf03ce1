import { useEffect, useState } from 'react';
import { useConnection } from '../stores/hooks';
import type { StreamHub } from '../stream/stream-hub';
import { pulseOf } from './pulse-state';

/** Live / stale / reconnecting, re-evaluated once a second on its own (never per event). */
export function ConnectionPulse({ hub }: { hub: StreamHub }) {
  const connection = useConnection(hub);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const pulse = pulseOf(connection, hub.lastEventTime(), now);
  return (
    <div className="pulse" data-testid="pulse" data-state={pulse.state} title={`${connection.streams} open stream(s)`}>
      <span className="pulse-dot" aria-hidden="true" />
      {/* Only the state is announced; the seconds counter would be read out every second. */}
      <span className="visually-hidden" role="status">
        {`Connection ${pulse.state}`}
      </span>
      <span className="pulse-label" aria-hidden="true">
        {pulse.label}
      </span>
      <span className="pulse-transport mono" data-testid="transport" data-protocol={connection.protocol ?? 'unknown'} data-transport={connection.transport} data-streams={connection.streams}>
        {connection.protocol ?? '?'} · {connection.transport === 'multiplexed' ? '1 stream' : `${connection.streams} streams`}
      </span>
    </div>
  );
}
