import { EventSource } from 'eventsource';

/** One `alerts` event as a browser tab receives it from the gateway. */
export interface ReceivedAlert {
  id: string;
  data: Record<string, unknown>;
}

export interface AlertSseClient {
  readonly alerts: ReceivedAlert[];
  /** Resolves once the gateway said `ready` (the snapshot is sent and live events follow). */
  ready: Promise<void>;
  close(): void;
}

/**
 * A real `eventsource` client on the gateway's `/sse/alerts` with a user's session cookie: what a
 * signed-in tab receives, and nothing it does not.
 */
export function openAlertStream(gatewayUrl: string, cookie: string): AlertSseClient {
  const alerts: ReceivedAlert[] = [];
  const es = new EventSource(`${gatewayUrl}/sse/alerts`, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
  });
  es.addEventListener('alerts', (e: MessageEvent) => {
    if (typeof e.data !== 'string') return;
    const envelope = JSON.parse(e.data) as { data: Record<string, unknown> };
    alerts.push({ id: e.lastEventId, data: envelope.data });
  });
  const ready = new Promise<void>((resolve, reject) => {
    es.addEventListener('ready', () => resolve());
    es.addEventListener('error', (e) => reject(new Error(`the alert stream failed: ${String((e as { message?: string }).message ?? 'error')}`)));
  });
  ready.catch(() => undefined);
  return { alerts, ready, close: () => es.close() };
}
