import { fileURLToPath } from 'node:url';
import { ChildChannel } from './child-channel.js';
import { sourceAddresses } from './load-fleet.js';
import type { Target } from './load-protocol.js';
import { spawnLimited } from './processes.js';
import type { StormCollectReply, StormCommand, StormConnectReply, StormStats } from './storm-protocol.js';

/** The storm's clients: N storm-client processes, subscriptions split evenly between them. */
export class StormFleet {
  private constructor(private readonly clients: ChildChannel<StormCommand>[]) {}

  static start(count: number, nofile: number): StormFleet {
    const script = fileURLToPath(new URL('./storm-client.js', import.meta.url));
    return new StormFleet(
      Array.from({ length: count }, (_, i) => {
        const proc = spawnLimited(`storm-client-${i + 1}`, [process.execPath, script], {
          env: { PATH: process.env['PATH'] ?? '' },
          nofile,
          stdio: ['pipe', 'pipe', 'pipe'],
          captureOutput: false,
        });
        proc.child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[${proc.name}] ${d.toString()}`));
        return new ChildChannel<StormCommand>(proc);
      }),
    );
  }

  get pids(): number[] {
    return this.clients.map((c) => c.process.pid);
  }

  async connect(targets: Target[], total: number, concurrency: number, timeoutMs: number, cookies: readonly string[]): Promise<StormConnectReply> {
    const n = this.clients.length;
    let offset = 0;
    const all = await Promise.all(
      this.clients.map((client, i) => {
        const count = Math.floor(total / n) + (i < total % n ? 1 : 0);
        const mine = cookies.slice(offset, offset + count);
        offset += count;
        return client.send<StormConnectReply>({
          cmd: 'connect',
          targets,
          count,
          cookies: mine,
          concurrency: Math.max(1, Math.floor(concurrency / n)),
          timeoutMs,
          sourceAddresses: sourceAddresses(i),
        });
      }),
    );
    return { opened: sum(all, (r) => r.opened), failed: sum(all, (r) => r.failed), errors: all.flatMap((r) => r.errors).slice(0, 5), ms: Math.max(...all.map((r) => r.ms)) };
  }

  async mark(at: number): Promise<void> {
    await Promise.all(this.clients.map((c) => c.send({ cmd: 'mark', at })));
  }

  async stats(): Promise<StormStats> {
    const all = await Promise.all(this.clients.map((c) => c.send<StormStats>({ cmd: 'stats' })));
    return {
      subscriptions: sum(all, (r) => r.subscriptions),
      live: sum(all, (r) => r.live),
      dropped: sum(all, (r) => r.dropped),
      resumed: sum(all, (r) => r.resumed),
      minLastSeq: Math.min(...all.map((r) => r.minLastSeq)),
    };
  }

  async collect(total: number): Promise<StormCollectReply> {
    const all = await Promise.all(this.clients.map((c) => c.send<StormCollectReply>({ cmd: 'collect', total })));
    return {
      subscriptions: sum(all, (r) => r.subscriptions),
      live: sum(all, (r) => r.live),
      dropped: sum(all, (r) => r.dropped),
      resumed: sum(all, (r) => r.resumed),
      minLastSeq: Math.min(...all.map((r) => r.minLastSeq)),
      resumeMs: all.flatMap((r) => r.resumeMs),
      downMs: all.flatMap((r) => r.downMs),
      gaps: sum(all, (r) => r.gaps),
      duplicates: sum(all, (r) => r.duplicates),
      clientsWithGaps: sum(all, (r) => r.clientsWithGaps),
      clientsWithDuplicates: sum(all, (r) => r.clientsWithDuplicates),
      maxGaps: Math.max(...all.map((r) => r.maxGaps)),
      resets: sum(all, (r) => r.resets),
      attempts: sum(all, (r) => r.attempts),
      refusedConnects: sum(all, (r) => r.refusedConnects),
      badStatus: sum(all, (r) => r.badStatus),
      badStatusSample: all.flatMap((r) => r.badStatusSample).slice(0, 5),
      received: sum(all, (r) => r.received),
      retryMs: { min: Math.min(...all.map((r) => r.retryMs.min)), max: Math.max(...all.map((r) => r.retryMs.max)) },
    };
  }

  async close(): Promise<void> {
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

function sum<T>(items: readonly T[], pick: (item: T) => number): number {
  return items.reduce((s, item) => s + pick(item), 0);
}
