import http from 'node:http';

export interface FiredReceipt {
  /** The connection's user: who the gateway delivered it to. */
  userId: string;
  alertId: string;
  /** performance.now() when the frame was read. */
  receivedAt: number;
}

export interface AlertClients {
  connected: number;
  /** Control `error` events or closed connections: a client the gateway cut is a void run. */
  problems: string[];
  close(): void;
}

interface Watched {
  userId: string;
  cookie: string;
}

/**
 * One `/sse/alerts` connection per watched user, with that user's session cookie, as the SPA's
 * EventSource holds it. Frames are split on the blank line; each `alerts` event of type `fired` is
 * reported with the time it was read. Resolves once every connection got its `ready` control event
 * (the connect snapshot has been sent), so nothing published afterwards can be missed.
 */
export async function openAlertClients(gatewayUrl: string, users: readonly Watched[], onFired: (receipt: FiredReceipt) => void, timeoutMs = 30_000): Promise<AlertClients> {
  const requests: http.ClientRequest[] = [];
  const problems: string[] = [];
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const ready = users.map(
    (user) =>
      new Promise<void>((resolve, reject) => {
        const req = http.get(`${gatewayUrl}/sse/alerts`, { agent, headers: { cookie: user.cookie, accept: 'text/event-stream' } }, (res) => {
          if (res.statusCode !== 200) {
            reject(new Error(`/sse/alerts for ${user.userId} answered ${res.statusCode}`));
            res.resume();
            return;
          }
          res.setEncoding('utf8');
          let buffer = '';
          res.on('data', (chunk: string) => {
            const receivedAt = performance.now();
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              let event = 'message';
              let data = '';
              for (const line of frame.split('\n')) {
                if (line.startsWith('event: ')) event = line.slice(7);
                else if (line.startsWith('data: ')) data = line.slice(6);
              }
              if (event === 'ready') resolve();
              else if (event === 'error') problems.push(`${user.userId}: ${data}`);
              else if (event === 'alerts') {
                const envelope = JSON.parse(data) as { type?: string; data?: { alertId?: string } };
                if (envelope.type === 'fired' && typeof envelope.data?.alertId === 'string') onFired({ userId: user.userId, alertId: envelope.data.alertId, receivedAt });
              }
            }
          });
          res.on('close', () => {
            if (!closing) problems.push(`${user.userId}: the gateway closed the stream`);
          });
        });
        req.on('error', (error) => (closing ? undefined : reject(error)));
        requests.push(req);
      }),
  );
  let closing = false;
  const close = (): void => {
    closing = true;
    for (const req of requests) req.destroy();
    agent.destroy();
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([Promise.all(ready), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`SSE clients not ready within ${timeoutMs} ms`)), timeoutMs)))]);
  } catch (error) {
    close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { connected: users.length, problems, close };
}
