import type { Server } from 'node:http';
import type { RequestListener } from 'node:http';
import { createServer } from 'node:http';

/**
 * A listen queue deep enough for a reconnect storm: after a gateway restart thousands of streams
 * connect at once, and with Node's default (511) the kernel drops the rest of the SYNs, whose
 * clients then wait 1, 3, 7, 15 s to retry (bench:fanout --scenario storm). The kernel caps it at
 * net.core.somaxconn.
 */
const LISTEN_BACKLOG = 4096;

/** Listens and resolves once bound; keep-alive tuned to outlive nginx's upstream keepalive. */
export function listen(handler: RequestListener, port: number, host: string): Promise<Server> {
  const server = createServer(handler);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** The TCP port the server is bound to (the real one when it listened on port 0); null before it listens or on a pipe. */
export function boundPort(server: Server): number | null {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : null;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // Streaming responses never end by themselves; give them a moment, then cut them.
    setTimeout(() => server.closeAllConnections(), 2000).unref();
  });
}
