/** What the upgrade request says about where it comes from. */
export interface HandshakeOrigin {
  /** The `Origin` header; browsers always send it on a WebSocket handshake. */
  origin: string | undefined;
  /** The `Host` header (nginx forwards the browser's, without the port). */
  host: string | undefined;
  /** `X-Forwarded-Port` from the trusted proxy (loopback only), the port the browser used. */
  forwardedPort?: string | undefined;
}

export type OriginVerdict = { allowed: true } | { allowed: false; reason: string };

const HOST_PATTERN = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d+))?$/;

/**
 * Cross-site WebSocket hijacking defence. Browsers attach cookies to a WebSocket handshake from any
 * page, and no CORS preflight guards it, so the `Origin` header is the only thing that tells our
 * SPA from evil.example opening a socket with the trader's session. Allowed: the page's own host
 * (http or https, same port) and the exact origins configured in `settings.ws.allowedOrigins`.
 *
 * A missing Origin is allowed: every browser sends one on a WebSocket handshake and a page cannot
 * remove it, so its absence means a non-browser client (a script, a bot), which must still present
 * a valid session cookie it obtained by signing in; the hijacking this check exists for cannot
 * happen without a browser. `null` (sandboxed frames, file://) is refused.
 */
export function originVerdict(request: HandshakeOrigin, allowedOrigins: readonly string[]): OriginVerdict {
  if (request.origin === undefined) return { allowed: true };
  let origin: URL;
  try {
    origin = new URL(request.origin);
  } catch {
    return { allowed: false, reason: `is not an origin (${JSON.stringify(request.origin)})` };
  }
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') return { allowed: false, reason: `${request.origin} is not an http(s) origin` };
  if (allowedOrigins.includes(origin.origin)) return { allowed: true };
  if (isSameHost(origin, request)) return { allowed: true };
  return { allowed: false, reason: `${origin.origin} is neither this site nor one of the allowed origins` };
}

function isSameHost(origin: URL, request: HandshakeOrigin): boolean {
  const host = HOST_PATTERN.exec(request.host?.trim().toLowerCase() ?? '');
  if (!host) return false;
  const [, hostname, hostPort] = host;
  if (origin.hostname !== hostname) return false;
  // nginx sends `Host $host` (no port) and the port in X-Forwarded-Port; a direct call keeps it in Host.
  const expectedPort = hostPort ?? request.forwardedPort;
  const originPort = origin.port || (origin.protocol === 'https:' ? '443' : '80');
  // With no port anywhere the request came on a default port: the origin must use one too.
  return expectedPort === undefined ? origin.port === '' : originPort === expectedPort;
}
