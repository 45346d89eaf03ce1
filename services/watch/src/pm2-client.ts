import pm2 from 'pm2';
import { withTimeout } from '@marketswarm/shared/ops';
import { parsePm2Processes, restartTimeoutMs, type Pm2ProcessFacts } from './pm2-process.js';

/** The two things the watch asks of pm2. */
export interface Pm2Client {
  list(): Promise<Pm2ProcessFacts[]>;
  /** Settles once pm2 has stopped the process (SIGKILL after its kill_timeout, if hung) and started it again. */
  restart(process: Pick<Pm2ProcessFacts, 'pmId' | 'killTimeoutMs'>): Promise<void>;
  close(): Promise<void>;
}

type Pm2Api = typeof pm2 & { Client: { pingDaemon(cb: (alive: boolean) => void): void } };
type Pm2ApiClass = new (options: { pm2_home?: string }) => Pm2Api;

/**
 * The pm2 daemon of one PM2_HOME (the watch's own, as pm2 hands it to its processes), through the
 * programmatic API: one connection kept open, instead of a `pm2 jlist` process every cycle. It
 * never launches a daemon: with none running, `list` fails and the watch reports that.
 */
export class Pm2Daemon implements Pm2Client {
  private readonly api: Pm2Api;
  private connected: Promise<void> | null = null;

  constructor(
    readonly pm2Home: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {
    const Api = (pm2 as unknown as { custom: Pm2ApiClass }).custom;
    this.api = new Api(pm2Home ? { pm2_home: pm2Home } : {});
  }

  async list(): Promise<Pm2ProcessFacts[]> {
    const described = await this.call<unknown[]>('pm2 list', (cb) => this.api.list((error, list) => cb(error, list)));
    return parsePm2Processes(described);
  }

  async restart(process: Pick<Pm2ProcessFacts, 'pmId' | 'killTimeoutMs'>): Promise<void> {
    const timeoutMs = restartTimeoutMs(process.killTimeoutMs, this.timeoutMs);
    await this.call<unknown>('pm2 restart', (cb) => this.api.restart(process.pmId, (error, procs) => cb(error, procs)), timeoutMs);
  }

  async close(): Promise<void> {
    if (!this.connected) return;
    this.connected = null;
    await new Promise<void>((resolve) => (this.api.disconnect as (cb: () => void) => void)(() => resolve()));
  }

  private async call<T>(what: string, run: (cb: (error: Error | null | undefined, value: T) => void) => void, timeoutMs = this.timeoutMs): Promise<T> {
    await this.connect();
    try {
      return await withTimeout(
        new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(value)))),
        timeoutMs,
        what,
      );
    } catch (error) {
      // A daemon that died or hung leaves a dead socket: connect afresh next time.
      if (/timed out/.test((error as Error).message)) await this.close().catch(() => undefined);
      throw error;
    }
  }

  private connect(): Promise<void> {
    this.connected ??= (async () => {
      const alive = await withTimeout(new Promise<boolean>((resolve) => this.api.Client.pingDaemon(resolve)), this.timeoutMs, 'pm2 ping');
      if (!alive) throw new Error(`no pm2 daemon runs for PM2_HOME ${this.pm2Home ?? '~/.pm2'}`);
      await withTimeout(new Promise<void>((resolve, reject) => this.api.connect((error) => (error ? reject(error) : resolve()))), this.timeoutMs, 'pm2 connect');
    })().catch((error: unknown) => {
      this.connected = null;
      throw error;
    });
    return this.connected;
  }
}
