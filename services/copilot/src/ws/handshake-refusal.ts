import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '@marketswarm/shared/http';

/**
 * Refuses an upgrade before any WebSocket exists, as ws's `abortHandshake` does: a plain HTTP/1.1
 * response with the shared JSON error body written on the raw socket, then the socket destroyed.
 * The client sees a real status (ws: `unexpected-response`, browsers: a failed handshake).
 */
export function refuseHandshake(socket: Duplex, body: ErrorBody, extraHeaders: Record<string, string> = {}): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    Connection: 'close',
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(body.requestId ? { 'X-Request-Id': body.requestId } : {}),
    ...extraHeaders,
  };
  const head = [`HTTP/1.1 ${body.statusCode} ${STATUS_CODES[body.statusCode] ?? 'Error'}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join('\r\n');
  socket.once('finish', () => socket.destroy());
  socket.end(`${head}\r\n\r\n${text}`);
}
