/**
 * Bench-only experiment, loaded into a gateway with `--import` (BENCH_GATEWAY_NODE_OPTIONS): every
 * `listen(port, host, callback)` gets an accept backlog of BENCH_LISTEN_BACKLOG (default 4096, the
 * kernel's somaxconn here) instead of Node's 511. Shows what a reconnect storm gains when the
 * gateway's listen backlog is raised, before that change is made in the gateway itself.
 */
import { Server } from 'node:net';

const backlog = Number(process.env['BENCH_LISTEN_BACKLOG'] ?? 4096);
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with its server as `this` below
const listen = Server.prototype.listen;
Server.prototype.listen = function (this: Server, ...args: unknown[]): Server {
  const [port, host, callback] = args;
  if (typeof port === 'number' && typeof host === 'string' && typeof callback === 'function' && args.length === 3) {
    return listen.call(this, { port, host, backlog }, callback as () => void);
  }
  return (listen as (...a: unknown[]) => Server).apply(this, args);
} as typeof Server.prototype.listen;
