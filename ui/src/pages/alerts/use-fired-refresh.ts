import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sseGroupPath, sseGroupTopics } from '@marketswarm/shared/events';
import { checkSession } from '../../auth/auth-api';
import { useSessionLost } from '../../copilot/use-session-lost';
import { StreamChannel } from '../../stream/stream-channel';
import { isHistory } from '../../panels/alerts/arrivals';
import { firedItem } from '../../panels/alerts/fired-alerts';

/**
 * While the alert manager is open, listens on the user's `/sse/alerts` and reads the list (hit
 * counts, last fired), the open histories and the recent hits again as soon as one of the alerts
 * fires, instead of waiting for the next periodic refresh. `queryKey` must be a constant (a new
 * array per render would reopen the stream).
 */
export function useFiredRefresh(queryKey: readonly unknown[]): void {
  const client = useQueryClient();
  const onSignedOut = useSessionLost();
  useEffect(() => {
    const openedAt = Date.now();
    const channel = new StreamChannel(
      { key: 'alerts', path: sseGroupPath('alerts'), topics: sseGroupTopics('alerts') },
      {
        createSource: (url) => new EventSource(url, { withCredentials: true }),
        checkSession,
        listener: {
          event: (event) => {
            // The snapshot on connect repeats an old hit the list already counts: only a new one
            // (by when it was published, as for the toasts) reads again.
            const fired = event.topic === 'alerts' ? firedItem(event) : undefined;
            if (fired && !isHistory(fired, openedAt)) void client.invalidateQueries({ queryKey });
          },
          invalid: (topic, issues) => console.warn(`skipped a malformed ${topic} frame`, issues),
          reset: () => void client.invalidateQueries({ queryKey }),
          status: () => undefined,
          signedOut: onSignedOut,
        },
      },
    );
    channel.open();
    return () => channel.close();
  }, [client, onSignedOut, queryKey]);
}
