import { fileURLToPath } from 'node:url';
import { ChildChannel } from './child-channel.js';
import type { CollectReply, ConnectReply, LoadCommand, ReadyOn, StatsReply, Target } from './load-protocol.js';
import { spawnLimited } from './processes.js';

/**
 * Linux searches the ephemeral port range linearly per source address: past ~12k connections from
 * 127.0.0.1 every connect() costs milliseconds of kernel time. Spreading each client's
 * connections over 64 loopback source addresses keeps opening 20k subscriptions linear.
 */
export function sourceAddresses(client: number): string[] {
  return Array.from({ length: 64 }, (_, k) => `127.0.${10 + client}.${k + 1}`);
}

type LoadClient = ChildChannel<LoadCommand>;

export interface FleetConnectResult extends ConnectReply {
  perClient: ConnectReply[];
}

export interface FleetCollectResult {
  delivered: number;
  open: number;
  lost: number;
  short: number;
  perConnectionMin: number;
  perConnectionMax: number;
  latenciesMs: number[];
  sampledConnections: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  bytesReceived: number;
}

/** The load generator: N client processes, subscriptions split evenly between them. */
export class LoadFleet {
  private constructor(private readonly clients: LoadClient[]) {}

  static start(count: number, nofile: number): LoadFleet {
    const script = fileURLToPath(new URL('./load-client.js', import.meta.url));
    const clients = Array.from({ length: count }, (_, i) => {
      const proc = spawnLimited(`load-client-${i + 1}`, [process.execPath, script], {
        env: { PATH: process.env['PATH'] ?? '' },
        nofile,
        stdio: ['pipe', 'pipe', 'pipe'],
        captureOutput: false,
      });
      let errors = '';
      proc.child.stderr?.on('data', (d: Buffer) => {
        errors += d.toString();
        if (errors.length > 4096) errors = errors.slice(-4096);
        process.stderr.write(`[${proc.name}] ${d.toString()}`);
      });
      return new ChildChannel<LoadCommand>(proc);
    });
    return new LoadFleet(clients);
  }

  get pids(): number[] {
    return this.clients.map((c) => c.process.pid);
  }

  get size(): number {
    return this.clients.length;
  }

  /**
   * Opens `total` subscriptions, split evenly over the clients; each client spreads its own over
   * every target in turn, so each gateway gets the same share from every client.
   */
  async connect(options: { targets: Target[]; total: number; readyOn: ReadyOn; latencySamples: number; concurrency: number; timeoutMs: number }): Promise<FleetConnectResult> {
    const n = this.clients.length;
    const sampleEvery = Math.max(1, Math.floor(options.total / options.latencySamples));
    const perClient = await Promise.all(
      this.clients.map((client, i) =>
        client.send<ConnectReply>({
          cmd: 'connect',
          targets: options.targets,
          count: Math.floor(options.total / n) + (i < options.total % n ? 1 : 0),
          readyOn: options.readyOn,
          sampleEvery,
          concurrency: Math.max(1, Math.floor(options.concurrency / n)),
          timeoutMs: options.timeoutMs,
          sourceAddresses: sourceAddresses(i),
        }),
      ),
    );
    return {
      opened: perClient.reduce((s, r) => s + r.opened, 0),
      failed: perClient.reduce((s, r) => s + r.failed, 0),
      errors: perClient.flatMap((r) => r.errors).slice(0, 5),
      ms: Math.max(...perClient.map((r) => r.ms)),
      perClient,
    };
  }

  async reset(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.send({ cmd: 'reset' })));
  }

  async stats(): Promise<StatsReply> {
    const all = await Promise.all(this.clients.map((c) => c.send<StatsReply>({ cmd: 'stats' })));
    return { delivered: all.reduce((s, r) => s + r.delivered, 0), open: all.reduce((s, r) => s + r.open, 0), lost: all.reduce((s, r) => s + r.lost, 0) };
  }

  async collect(expectedPerConnection: number): Promise<FleetCollectResult> {
    const all = await Promise.all(this.clients.map((c) => c.send<CollectReply>({ cmd: 'collect', expectedPerConnection })));
    return {
      delivered: all.reduce((s, r) => s + r.delivered, 0),
      open: all.reduce((s, r) => s + r.open, 0),
      lost: all.reduce((s, r) => s + r.lost, 0),
      short: all.reduce((s, r) => s + r.short, 0),
      perConnectionMin: Math.min(...all.map((r) => r.perConnectionMin)),
      perConnectionMax: Math.max(...all.map((r) => r.perConnectionMax)),
      latenciesMs: all.flatMap((r) => r.latenciesMs),
      sampledConnections: all.reduce((s, r) => s + r.sampledConnections, 0),
      loopDelayP99Ms: Math.max(...all.map((r) => r.loopDelayP99Ms)),
      loopDelayMaxMs: Math.max(...all.map((r) => r.loopDelayMaxMs)),
      bytesReceived: all.reduce((s, r) => s + r.bytesReceived, 0),
    };
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.send({ cmd: 'close' })));
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.clients.map(async (c) => {
        await c.send({ cmd: 'exit' }).catch(() => undefined);
        await c.process.stop('SIGTERM', 2000);
      }),
    );
  }
}
