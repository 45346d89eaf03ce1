import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { decodeAlertSyncEntry, internalOrderSchema, type AlertSyncEntry, type PromptAlertCondition } from '@marketswarm/shared/dto';
import { decodeEventText, decodeStreamEntry, type TypedEvent } from '@marketswarm/shared/events';
import { expiryDateOf, sessionClose } from '@marketswarm/shared/models';
import { fillKey, hitKey, stageKey, type AlertCandidate } from './alert-candidate.js';
import { AlertBook, mayFire } from './alert-book.js';
import { priceMessage, stageMessage, trailingMessage } from './alert-messages.js';
import type { AlertMetrics } from './alert-metrics.js';
import type { EngineLease } from './engine-lease.js';
import { emptyChanges, hasChanges, type EngineStateStore, type LastPrice, type StateChanges } from './engine-state.store.js';
import { gexLevel, type GexPayload } from './gex-levels.js';
import type { HitRecorder } from './hit-recorder.js';
import type { InternalJournalClient } from './internal-journal.client.js';
import { nextStage, ruleStage, type ConditionReading } from './prompt-stage.js';
import { SerialQueue } from './serial-queue.js';
import { stepTrailingStop } from './trailing-stop.js';
import type { CrossingLookup } from './index/crossing-index.js';

export interface EngineStreams {
  spot: string;
  gex: string;
  spotSnapshot: string | undefined;
  gexSnapshot: string | undefined;
  sync: string;
}

export interface AlertEngineDeps {
  /** Ordinary commands on system and market Redis. */
  system: Redis;
  market: Redis;
  /** Connections of their own for the blocking reads. */
  systemBlocking: Redis;
  marketBlocking: Redis;
  streams: EngineStreams;
  journal: InternalJournalClient;
  recorder: HitRecorder;
  store: EngineStateStore;
  lease: EngineLease;
  crossings: CrossingLookup;
  metrics: AlertMetrics;
  logger: Logger;
  /** How often the lease is renewed (or, on a standby, tried). */
  leaseCheckMs?: number;
  blockMs?: number;
  /** Every alert is reloaded this often besides the sync stream's per-user reloads (a missed sync entry heals). */
  fullReloadMs?: number;
}

type StreamEntry = [id: string, fields: string[]];

/**
 * Evaluates every user's alerts on the live market, exactly once across restarts and instances.
 * Holding the lease, it resumes from the committed cursors: settles the outbox first, loads every
 * enabled alert, then follows the spot and GEX streams (market Redis) and the alert sync stream
 * (system Redis) with blocking reads. Each batch is evaluated alone (a serial queue), its hits go
 * through the HitRecorder, and its cursors, last prices and armed trailing stops are committed in
 * one fenced write. Losing the lease stops evaluation; a standby takes over from the shared state.
 */
export class AlertEngine {
  private readonly book: AlertBook;
  private readonly queue = new SerialQueue();
  private readonly cursors = new Map<string, string>();
  private readonly prices = new Map<string, LastPrice>();
  private readonly trailing = new Map<string, number>();
  private readonly gex = new Map<string, GexPayload>();
  private term = 0;
  private leading = false;
  private stopped = false;
  private outboxPending = false;
  private timer: NodeJS.Timeout | undefined;
  private lastFullLoad = 0;
  private readonly loops: Promise<void>[] = [];

  constructor(private readonly deps: AlertEngineDeps) {
    this.book = new AlertBook(deps.crossings);
  }

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    this.stopped = false;
    void this.checkLease();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const wasLeading = this.leading;
    this.stepDown('stopping');
    // Unblocks the pending XREADs so the loops end now rather than after their block timeout.
    this.deps.systemBlocking.disconnect();
    this.deps.marketBlocking.disconnect();
    await Promise.allSettled(this.loops);
    await this.queue.idle();
    if (wasLeading) await this.deps.lease.release().catch(() => undefined);
  }

  private async checkLease(): Promise<void> {
    if (this.stopped) return;
    try {
      if (this.leading) {
        if (!(await this.deps.lease.renew())) this.stepDown('lease lost');
        else {
          if (this.outboxPending) void this.queue.run(() => this.drainOutbox());
          if (Date.now() - this.lastFullLoad >= (this.deps.fullReloadMs ?? 300_000)) void this.queue.run(() => this.fullLoad()).catch((error: unknown) => this.deps.logger.error({ err: error }, 'full reload failed'));
        }
      } else if (await this.deps.lease.acquire()) {
        await this.becomeLeader();
      }
    } catch (error) {
      this.deps.logger.error({ err: error }, 'alert engine lease check failed');
      if (this.leading) this.stepDown('lease check failed');
    }
    if (!this.stopped) this.timer = setTimeout(() => void this.checkLease(), this.deps.leaseCheckMs ?? 3_000);
  }

  private async becomeLeader(): Promise<void> {
    const term = ++this.term;
    this.leading = true;
    this.deps.metrics.leader.set(1);
    this.deps.logger.info({ term }, 'alert engine leading: resuming from the shared state');
    try {
      await this.queue.run(async () => {
        const state = await this.deps.store.load();
        this.cursors.clear();
        this.prices.clear();
        this.trailing.clear();
        for (const [k, v] of state.cursors) this.cursors.set(k, v);
        for (const [k, v] of state.prices) this.prices.set(k, v);
        for (const [k, v] of state.trailing) this.trailing.set(k, v);
        await this.startCursors();
        await this.seedGex();
        await this.drainOutbox();
        await this.fullLoad();
      });
    } catch (error) {
      this.deps.logger.error({ err: error }, 'alert engine could not resume; stepping down to try again');
      this.stepDown('resume failed');
      await this.deps.lease.release().catch(() => undefined);
      return;
    }
    if (this.term !== term) return;
    const { streams } = this.deps;
    this.loops.push(this.follow(this.deps.marketBlocking, [streams.spot, streams.gex], term, (entries) => this.evaluateMarket(entries)));
    this.loops.push(this.follow(this.deps.systemBlocking, [streams.sync], term, (entries) => this.applySync(entries)));
  }

  private stepDown(reason: string): void {
    if (!this.leading) return;
    this.leading = false;
    this.term++;
    this.deps.metrics.leader.set(0);
    this.deps.logger.warn({ reason }, 'alert engine stopped evaluating');
  }

  /** A stream never read before starts at its end, and prices start from the spot snapshot. */
  private async startCursors(): Promise<void> {
    const { streams } = this.deps;
    const fresh = new Map<string, string>();
    for (const [stream, redis] of [
      [streams.spot, this.deps.market],
      [streams.gex, this.deps.market],
      [streams.sync, this.deps.system],
    ] as const) {
      if (this.cursors.has(stream)) continue;
      const last = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
      this.cursors.set(stream, last);
      fresh.set(stream, last);
    }
    if (fresh.has(streams.spot) && streams.spotSnapshot) {
      for (const text of Object.values(await this.deps.market.hgetall(streams.spotSnapshot))) {
        const decoded = decodeEventText(text);
        if (decoded.ok && decoded.event.topic === 'spot') this.prices.set(decoded.event.data.symbol, { price: decoded.event.data.price, ts: decoded.event.ts });
      }
    }
    if (fresh.size > 0) {
      const changes = emptyChanges();
      for (const [k, v] of fresh) changes.cursors.set(k, v);
      for (const [k, v] of this.prices) changes.prices.set(k, v);
      await this.commit(changes);
    }
  }

  private async seedGex(): Promise<void> {
    const key = this.deps.streams.gexSnapshot;
    if (!key) return;
    for (const text of Object.values(await this.deps.market.hgetall(key))) {
      const decoded = decodeEventText(text);
      if (decoded.ok && decoded.event.topic === 'gex') this.gex.set(decoded.event.data.symbol, decoded.event.data);
    }
  }

  private async drainOutbox(): Promise<void> {
    this.outboxPending = false;
    await this.deps.recorder.drain();
    this.outboxPending = await this.deps.recorder.hasPending();
  }

  private async fullLoad(): Promise<void> {
    const [alerts, prompts] = await Promise.all([this.deps.journal.alerts(), this.deps.journal.promptAlerts()]);
    const gone = this.book.replaceAll(alerts, prompts);
    this.lastFullLoad = Date.now();
    this.report();
    if (gone.length > 0) {
      const changes = emptyChanges();
      for (const id of gone) this.forget(id, changes);
      await this.commit(changes);
    }
  }

  private async follow(redis: Redis, streams: string[], term: number, handle: (entries: Array<[string, StreamEntry]>) => Promise<void>): Promise<void> {
    while (this.term === term && !this.stopped) {
      let reply: Array<[string, StreamEntry[]]> | null;
      try {
        const ids = streams.map((s) => this.cursors.get(s) ?? '$');
        reply = (await redis.xread('COUNT', 500, 'BLOCK', this.deps.blockMs ?? 2_000, 'STREAMS', ...streams, ...ids));
      } catch (error) {
        if (this.stopped || this.term !== term) return;
        this.deps.logger.warn({ err: (error as Error).message }, 'blocking read failed; retrying');
        await sleep(500);
        continue;
      }
      if (!reply || this.term !== term) continue;
      const entries: Array<[string, StreamEntry]> = [];
      for (const [stream, list] of reply) for (const entry of list) entries.push([stream, entry]);
      // Each stream is in order; across streams, entry ids order them by arrival time.
      entries.sort((a, b) => compareIds(a[1][0], b[1][0]));
      try {
        await this.queue.run(async () => {
          if (this.term !== term) return;
          const end = this.deps.metrics.evaluation.startTimer();
          try {
            await handle(entries);
          } finally {
            end();
          }
        });
      } catch (error) {
        this.deps.logger.error({ err: error }, 'alert batch failed; reading it again');
        await sleep(500);
      }
    }
  }

  private async evaluateMarket(entries: Array<[string, StreamEntry]>): Promise<void> {
    const changes = emptyChanges();
    const candidates: AlertCandidate[] = [];
    for (const [stream, [id, fields]] of entries) {
      changes.cursors.set(stream, id);
      const decoded = decodeStreamEntry(fields);
      if (!decoded.ok) {
        this.deps.metrics.invalid.inc({ stream });
        continue;
      }
      const event = decoded.event;
      if (event.topic === 'spot') this.onSpot(event, changes, candidates);
      else if (event.topic === 'gex') this.gex.set(event.data.symbol, event.data);
      else this.deps.metrics.invalid.inc({ stream });
    }
    await this.recordAll(candidates);
    await this.commit(changes);
  }

  private onSpot(event: TypedEvent<'spot'>, changes: StateChanges, candidates: AlertCandidate[]): void {
    const { symbol, price } = event.data;
    const at = event.ts;
    const previous = changes.prices.get(symbol) ?? this.prices.get(symbol);
    if (previous !== undefined) {
      for (const alert of this.book.crossed(symbol, previous.price, price, at)) {
        candidates.push(hitCandidate(alert.userId, alert.id, 'price', at, priceMessage(alert, price), 'warning', price, symbol));
        this.book.afterHit(alert.id, at);
      }
    }
    for (const alert of [...this.book.trailingStops(symbol)]) {
      const best = changes.trailing.get(alert.id) ?? this.trailing.get(alert.id);
      const step = stepTrailingStop(alert, best, price);
      if (step.fired && !mayFire(alert, at)) {
        changes.trailing.set(alert.id, step.best);
        continue;
      }
      if (step.fired) {
        candidates.push(hitCandidate(alert.userId, alert.id, 'trailing-stop', at, trailingMessage(alert, price, step.best, step.stop), 'critical', price, symbol));
        this.book.afterHit(alert.id, at);
        // A repeating stop re-arms from the price it fired at.
        if (alert.behaviour === 'repeat') changes.trailing.set(alert.id, price);
        else this.forget(alert.id, changes);
      } else changes.trailing.set(alert.id, step.best);
    }
    const current: LastPrice = { price, ts: at };
    for (const prompt of [...this.book.promptAlerts(symbol)]) {
      const readings = prompt.rule.conditions.map((condition) => this.reading(condition, symbol, previous, current, changes));
      const stage = nextStage(prompt.stage, ruleStage(prompt.rule, readings));
      if (stage === undefined) continue;
      candidates.push({
        type: 'stage',
        key: stageKey(prompt.id, stage),
        userId: prompt.userId,
        alertId: prompt.id,
        kind: 'prompt-alert',
        at,
        message: stageMessage(prompt, stage),
        severity: stage === 'accomplished' ? 'critical' : 'warning',
        value: price,
        symbol,
        stage,
      });
      this.book.afterStage(prompt.id, stage);
    }
    changes.prices.set(symbol, current);
  }

  /** One condition's subject on this tick: the ticking symbol moved, the others stand where they were. */
  private reading(condition: PromptAlertCondition, symbol: string, previous: LastPrice | undefined, current: LastPrice, changes: StateChanges): ConditionReading {
    const target = condition.target.kind === 'number' ? condition.target.value : condition.symbol === null ? undefined : gexLevel(this.gex.get(condition.symbol), condition.target.level);
    // P&L conditions need the user's marked book, which this engine does not evaluate yet.
    if (condition.symbol === null) return { current: undefined, previous: undefined, close: undefined, target };
    if (condition.symbol !== symbol) {
      const other = (changes.prices.get(condition.symbol) ?? this.prices.get(condition.symbol))?.price;
      return { current: other, previous: other, close: undefined, target };
    }
    let close: number | undefined;
    if (condition.metric === 'close' && previous !== undefined) {
      const closeAt = sessionClose(symbol, expiryDateOf(previous.ts));
      // The tick that passes the close settles it at the last price before the close.
      if (closeAt !== undefined && previous.ts < closeAt && current.ts >= closeAt) close = previous.price;
    }
    return { current: current.price, previous: previous?.price, close, target };
  }

  private async applySync(entries: Array<[string, StreamEntry]>): Promise<void> {
    const changes = emptyChanges();
    const users = new Set<string>();
    const fills: AlertSyncEntry[] = [];
    for (const [stream, [id, fields]] of entries) {
      changes.cursors.set(stream, id);
      let entry: AlertSyncEntry;
      try {
        entry = decodeAlertSyncEntry(fields);
      } catch {
        this.deps.metrics.invalid.inc({ stream });
        continue;
      }
      if (entry.entity === 'order') {
        if (entry.change === 'filled') fills.push(entry);
      } else users.add(entry.user);
    }
    for (const user of users) {
      const [alerts, prompts] = await Promise.all([this.deps.journal.alerts(user), this.deps.journal.promptAlerts(user)]);
      for (const id of this.book.replaceUser(user, alerts, prompts)) this.forget(id, changes);
    }
    if (users.size > 0) this.report();
    const candidates: AlertCandidate[] = [];
    for (const fill of fills) {
      const candidate = await this.fillCandidate(fill);
      if (candidate) candidates.push(candidate);
    }
    await this.recordAll(candidates);
    await this.commit(changes);
  }

  private async fillCandidate(entry: AlertSyncEntry): Promise<AlertCandidate | undefined> {
    const answer = await this.deps.journal.order(entry.id);
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw new Error(`reading order ${entry.id} answered ${answer.status === 'unreachable' ? answer.error : answer.status}`);
    const order = internalOrderSchema.parse(answer.body);
    if (order.userId !== entry.user || order.fill === null) return undefined;
    const { fill } = order;
    const price = fill.price >= 0 ? `${fill.price} debit` : `${-fill.price} credit`;
    return {
      type: 'fill',
      key: fillKey(order.id),
      userId: order.userId,
      alertId: order.id,
      kind: 'order-fill',
      at: fill.at,
      message: `Order filled: ${order.symbol} ×${fill.quantity} at ${price}`,
      severity: 'info',
      value: fill.price,
      symbol: order.symbol,
    };
  }

  private async recordAll(candidates: readonly AlertCandidate[]): Promise<void> {
    for (const candidate of candidates) {
      if ((await this.deps.recorder.record(candidate)) === 'pending') this.outboxPending = true;
    }
  }

  private forget(alertId: string, changes: StateChanges): void {
    this.trailing.delete(alertId);
    changes.trailing.delete(alertId);
    changes.forget.add(alertId);
  }

  /** The fenced write; only after it does memory move on, so a failed batch is evaluated again from the same place. */
  private async commit(changes: StateChanges): Promise<void> {
    if (!hasChanges(changes)) return;
    if (!(await this.deps.store.commit(this.deps.lease.token, changes))) {
      this.stepDown('lease lost at commit');
      return;
    }
    for (const [k, v] of changes.cursors) this.cursors.set(k, v);
    for (const [k, v] of changes.prices) this.prices.set(k, v);
    for (const [k, v] of changes.trailing) this.trailing.set(k, v);
  }

  private report(): void {
    for (const [kind, count] of Object.entries(this.book.counts())) this.deps.metrics.loaded.set({ kind }, count);
  }
}

function hitCandidate(userId: string, alertId: string, kind: AlertCandidate['kind'], at: number, message: string, severity: AlertCandidate['severity'], value: number, symbol: string): AlertCandidate {
  return { type: 'hit', key: hitKey(alertId, at), userId, alertId, kind, at, message, severity, value, symbol };
}

function compareIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

