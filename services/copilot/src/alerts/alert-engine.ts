import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { internalOrderSchema, type AlertSyncEntry, type InternalPromptAlertDto, type PromptAlertCondition } from '@marketswarm/shared/dto';
import { decodeSnapshot, resumeVerdict, streamBounds } from '@marketswarm/shared/bus';
import { compareStreamIds, decodeEventText, decodeStreamEntry, parseStreamId, ZERO_ID, type ParseEventResult, type TypedEvent } from '@marketswarm/shared/events';
import { expiryDateOf, sessionClose } from '@marketswarm/shared/models';
import { fillKey, hitKey, stageKey, type AlertCandidate } from './alert-candidate.js';
import { AlertBook, mayFire } from './alert-book.js';
import { positionMessage, priceMessage, stageMessage, trailingMessage } from './alert-messages.js';
import type { AlertMetrics } from './alert-metrics.js';
import type { EngineLease } from './engine-lease.js';
import { LeaseRunner } from './lease-runner.js';
import { emptyChanges, hasChanges, type EngineStateStore, type LastPrice, type StateChanges } from './engine-state.store.js';
import { gexLevel, type GexPayload } from './gex-levels.js';
import type { HitRecorder, RecordResult } from './hit-recorder.js';
import type { InternalJournalClient } from './internal-journal.client.js';
import { OwnSyncEntries } from './own-sync-entries.js';
import { nextStage, ruleStage, type ConditionReading } from './prompt-stage.js';
import { SerialQueue } from './serial-queue.js';
import { readSyncBatch } from './sync-batch.js';
import { stepTrailingStop } from './trailing-stop.js';
import type { CrossingLookup } from './index/crossing-index.js';
import { readHeatmapEntry } from './positions/heatmap-entry.js';
import type { MarkMarket } from './positions/position-marks.js';
import { PositionWatch, type BookSource, type PositionEvaluation } from './positions/position-watch.js';

export interface EngineStreams {
  spot: string;
  gex: string;
  heatmap: string;
  spotSnapshot: string | undefined;
  gexSnapshot: string | undefined;
  heatmapSnapshot: string | undefined;
  sync: string;
  /** The journal's per-user book streams (system Redis): a user's entry reloads their book. */
  positions: string;
  riskGraph: string;
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
  /** Users' open trades and saved positions, for position alerts and P&L prompt alerts. */
  books: BookSource;
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
 * enabled alert and the books of the users with position alerts, then follows the spot, GEX and
 * heatmap streams (market Redis) and the alert sync and book streams (system Redis) with blocking
 * reads. Each batch is evaluated alone (a serial queue), its hits go through the HitRecorder (several
 * in flight), and its cursors, last prices, armed trailing stops and position marks are committed in
 * one fenced write once every hit is settled; a batch that fails undoes its hits in the book and is
 * read again. Losing the lease stops evaluation; a standby takes over from the shared state.
 *
 * The book applies the engine's own hits as it records them, so the journal's sync entries for
 * them reload nobody (OwnSyncEntries); a user's change, or a hit the journal refused, reloads the user.
 *
 * The heatmap model itself is not in the fenced state: at resume it is read from the snapshot, and
 * diffs the snapshot already holds (by version) are skipped, so what a restart missed is marked
 * once, at the latest model, rather than at every intermediate diff. Only the underlyings some
 * position alert or P&L prompt alert watches are followed; a symbol that gains its first watcher is
 * read from the snapshot again.
 */
export class AlertEngine {
  private readonly book: AlertBook;
  private readonly positions: PositionWatch;
  private readonly queue = new SerialQueue();
  private readonly own = new OwnSyncEntries();
  private readonly cursors = new Map<string, string>();
  private readonly prices = new Map<string, LastPrice>();
  private readonly trailing = new Map<string, number>();
  private readonly gex = new Map<string, GexPayload>();
  /** The time of each symbol's heatmap read from the snapshot at resume. */
  private readonly seeded = new Map<string, number>();
  private term = 0;
  private leading = false;
  private stopped = false;
  private outboxPending = false;
  private readonly runner: LeaseRunner;
  private lastFullLoad = 0;
  private resuming = false;
  private periodicQueued = false;
  private readonly loops: Promise<void>[] = [];

  constructor(private readonly deps: AlertEngineDeps) {
    this.book = new AlertBook(deps.crossings);
    this.positions = new PositionWatch(this.book, deps.books);
    this.runner = new LeaseRunner(
      deps.lease,
      { isLeader: () => this.leading, takeOver: () => void this.becomeLeader(), stepDown: (reason) => this.stepDown(reason), renewed: () => this.periodic() },
      deps.leaseCheckMs ?? 3_000,
      deps.logger,
    );
  }

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    this.stopped = false;
    this.runner.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.runner.stop();
    const wasLeading = this.leading;
    this.stepDown('stopping');
    // Unblocks the pending XREADs so the loops end now rather than after their block timeout.
    this.deps.systemBlocking.disconnect();
    this.deps.marketBlocking.disconnect();
    await Promise.allSettled(this.loops);
    await this.queue.idle();
    if (wasLeading) await this.deps.lease.release().catch(() => undefined);
  }

  /** After each renewal: the outbox a failed batch left, and the periodic full reload, queued behind the batches. */
  private periodic(): void {
    // A takeover still resuming drains and loads everything itself; renewals come faster than either.
    if (this.resuming || this.periodicQueued) return;
    const reload = Date.now() - this.lastFullLoad >= (this.deps.fullReloadMs ?? 300_000);
    if (!this.outboxPending && !reload) return;
    this.periodicQueued = true;
    void this.queue
      .run(async () => {
        this.periodicQueued = false;
        if (this.outboxPending) await this.drainOutbox();
        if (reload) await this.fullLoad();
      })
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'outbox drain or full reload failed'));
  }

  private async becomeLeader(): Promise<void> {
    const term = ++this.term;
    this.leading = true;
    this.deps.metrics.leader.set(1);
    this.deps.metrics.takeovers.inc();
    this.deps.logger.info({ term }, 'alert engine leading: resuming from the shared state');
    this.resuming = true;
    try {
      await this.queue.run(() => this.settled(async () => {
        this.own.clear();
        const state = await this.deps.store.load();
        this.cursors.clear();
        this.prices.clear();
        this.trailing.clear();
        for (const [k, v] of state.cursors) this.cursors.set(k, v);
        for (const [k, v] of state.prices) this.prices.set(k, v);
        for (const [k, v] of state.trailing) this.trailing.set(k, v);
        this.positions.clearMarks();
        this.positions.committed(state.marks);
        await this.startCursors();
        await this.seedGex();
        await this.seedHeatmap();
        await this.drainOutbox();
        await this.fullLoad();
        await this.markSeededHeatmaps();
      }));
    } catch (error) {
      this.deps.logger.error({ err: error }, 'alert engine could not resume; stepping down to try again');
      this.stepDown('resume failed');
      await this.deps.lease.release().catch(() => undefined);
      return;
    } finally {
      this.resuming = false;
    }
    if (this.term !== term) return;
    const { streams } = this.deps;
    this.loops.push(this.follow(this.deps.marketBlocking, [streams.spot, streams.gex, streams.heatmap], term, (entries) => this.evaluateMarket(entries)));
    this.loops.push(this.follow(this.deps.systemBlocking, [streams.sync, streams.positions, streams.riskGraph], term, (entries) => this.applySync(entries), this.deps.system));
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
      [streams.heatmap, this.deps.market],
      [streams.sync, this.deps.system],
      [streams.positions, this.deps.system],
      [streams.riskGraph, this.deps.system],
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

  /** The latest full model of every symbol; diffs after the cursor that it already holds are then skipped. */
  private async seedHeatmap(): Promise<void> {
    this.positions.heatmap.clear();
    this.seeded.clear();
    const key = this.deps.streams.heatmapSnapshot;
    if (!key) return;
    for (const event of decodeSnapshot('heatmap', await this.deps.market.hgetall(key)).events) {
      this.positions.heatmap.apply(event.data);
      this.seeded.set(event.data.symbol, event.ts);
    }
  }

  /**
   * Marks every position alert against the models read at resume, at each model's own time (the
   * same on every restart, so a hit found twice has one key). The diffs a stopped engine missed are
   * in that model, and the stream's copies of them are skipped as stale: without this, a mark that
   * moved through a target while no copilot ran would wait for the next diff of its options.
   */
  private async markSeededHeatmaps(): Promise<void> {
    const changes = emptyChanges();
    const candidates: AlertCandidate[] = [];
    for (const [symbol, at] of this.seeded) {
      const origin = `heatmap:${symbol}@${this.positions.heatmap.version(symbol) ?? at}`;
      this.collectPositions(this.positions.evaluateSymbol(symbol, this.markMarket(at, changes), at, changes), at, origin, changes, candidates);
    }
    await this.recordAll(candidates, changes);
    await this.commit(changes);
  }

  /** A diff that does not follow the model: the symbol's model is read again from the snapshot. */
  private async resyncHeatmap(symbol: string, at: number, changes: StateChanges): Promise<PositionEvaluation | undefined> {
    const key = this.deps.streams.heatmapSnapshot;
    const text = key ? await this.deps.market.hget(key, symbol) : null;
    const event = text === null ? undefined : decodeSnapshot('heatmap', { [symbol]: text }).events[0];
    if (!event) return undefined;
    const evaluation = this.positions.onHeatmap(event.data, this.markMarket(at, changes), at, changes);
    return evaluation === 'gap' ? undefined : evaluation;
  }

  private markMarket(now: number, changes: StateChanges): MarkMarket {
    const heatmap = this.positions.heatmap;
    return {
      mids: (symbol) => heatmap.mids(symbol),
      iv: (symbol, ref) => heatmap.iv(symbol, ref),
      spot: (symbol) => (changes.prices.get(symbol) ?? this.prices.get(symbol))?.price,
      now,
    };
  }

  private async drainOutbox(): Promise<void> {
    this.outboxPending = false;
    const changes = emptyChanges();
    await this.recorded(await this.deps.recorder.drain(), changes);
    this.outboxPending = await this.deps.recorder.hasPending();
    await this.commit(changes);
  }

  private async fullLoad(): Promise<void> {
    const [alerts, prompts] = await Promise.all([this.deps.journal.alerts(), this.deps.journal.promptAlerts()]);
    const gone = this.book.replaceAll(alerts, prompts);
    await this.positions.reloadAll();
    await this.readNewlyWatchedHeatmaps();
    this.lastFullLoad = Date.now();
    this.report();
    if (gone.length > 0) {
      const changes = emptyChanges();
      for (const id of gone) this.forget(id, changes);
      await this.commit(changes);
    }
  }

  /**
   * `bounds`: where to read the streams' bounds after each read, for streams whose every entry
   * matters (the sync and book streams): one trimmed before it was read means a change the book
   * never saw, so everything is loaded again at once rather than at the next periodic reload.
   */
  private async follow(redis: Redis, streams: string[], term: number, handle: (entries: Array<[string, StreamEntry]>) => Promise<void>, bounds?: Redis): Promise<void> {
    while (this.term === term && !this.stopped) {
      let reply: Array<[string, StreamEntry[]]> | null;
      let lost: string[] = [];
      try {
        const ids = streams.map((s) => this.cursors.get(s) ?? '$');
        reply = (await redis.xread('COUNT', 500, 'BLOCK', this.deps.blockMs ?? 2_000, 'STREAMS', ...streams, ...ids));
        if (reply && bounds) lost = await trimmedPast(bounds, reply.map(([stream]) => stream), (stream) => ids[streams.indexOf(stream)]);
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
            await this.settled(async () => {
              if (lost.length > 0) await this.reloadAfterGap(lost);
              await handle(entries);
            });
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

  private async reloadAfterGap(streams: readonly string[]): Promise<void> {
    for (const stream of streams) this.deps.metrics.streamGaps.inc({ stream });
    this.deps.logger.warn({ streams }, 'entries were trimmed before the engine read them; loading every alert and book again');
    await this.fullLoad();
  }

  private async evaluateMarket(entries: Array<[string, StreamEntry]>): Promise<void> {
    const changes = emptyChanges();
    const candidates: AlertCandidate[] = [];
    for (const [stream, [id, fields]] of entries) {
      changes.cursors.set(stream, id);
      const decoded = stream === this.deps.streams.heatmap ? this.watchedHeatmapEntry(fields) : decodeStreamEntry(fields);
      if (decoded === undefined) continue;
      if (!decoded.ok) {
        this.deps.metrics.invalid.inc({ stream });
        continue;
      }
      const event = decoded.event;
      if (event.topic === 'spot') this.onSpot(event, id, changes, candidates);
      else if (event.topic === 'gex') this.gex.set(event.data.symbol, event.data);
      else if (event.topic === 'heatmap') await this.onHeatmap(event, id, changes, candidates);
      else this.deps.metrics.invalid.inc({ stream });
    }
    await this.recordAll(candidates, changes);
    await this.commit(changes);
  }

  /**
   * A heatmap entry of a symbol somebody watches, decoded; undefined for one nobody watches, whose
   * model is dropped instead (a diff it misses would leave it wrong): it is read from the snapshot
   * again when a watcher appears, or when its next watched diff finds no model (a gap).
   */
  private watchedHeatmapEntry(fields: readonly string[]): ParseEventResult | undefined {
    if (this.positions.watchedSymbols().length === 0) {
      this.positions.heatmap.clear();
      return undefined;
    }
    const entry = readHeatmapEntry(fields, (symbol) => this.positions.watches(symbol));
    if (entry.wanted) return entry.decoded;
    this.positions.heatmap.forget(entry.symbol);
    return undefined;
  }

  /** The model of each watched underlying that has none (its first watcher just appeared), from the snapshot. */
  private async readNewlyWatchedHeatmaps(): Promise<void> {
    const key = this.deps.streams.heatmapSnapshot;
    const missing = this.positions.watchedSymbols().filter((symbol) => this.positions.heatmap.version(symbol) === undefined);
    if (!key || missing.length === 0) return;
    const texts = await this.deps.market.hmget(key, ...missing);
    const found: Record<string, string> = {};
    missing.forEach((symbol, n) => {
      const text = texts[n];
      if (text !== null && text !== undefined) found[symbol] = text;
    });
    for (const event of decodeSnapshot('heatmap', found).events) this.positions.heatmap.apply(event.data);
  }

  /** `entryId`: the tick's stream entry, which names its hits (see hitKey). */
  private onSpot(event: TypedEvent<'spot'>, entryId: string, changes: StateChanges, candidates: AlertCandidate[]): void {
    const { symbol, price } = event.data;
    const at = event.ts;
    const previous = changes.prices.get(symbol) ?? this.prices.get(symbol);
    if (previous !== undefined) {
      for (const alert of this.book.crossed(symbol, previous.price, price, at)) {
        candidates.push(hitCandidate(alert.userId, alert.id, 'price', at, entryId, priceMessage(alert, price), 'warning', price, symbol));
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
        candidates.push(hitCandidate(alert.userId, alert.id, 'trailing-stop', at, entryId, trailingMessage(alert, price, step.best, step.stop), 'critical', price, symbol));
        // A repeating stop re-arms from the price it fired at; one that left the book is forgotten.
        if (this.book.afterHit(alert.id, at)) this.forget(alert.id, changes);
        else changes.trailing.set(alert.id, price);
      } else changes.trailing.set(alert.id, step.best);
    }
    const current: LastPrice = { price, ts: at };
    for (const prompt of [...this.book.promptAlerts(symbol)]) {
      const pnl = this.positions.lastPnl(prompt.id, changes);
      const readings = prompt.rule.conditions.map((condition) => this.reading(condition, symbol, previous, current, changes, { current: pnl, previous: pnl }));
      this.stagePrompt(prompt, readings, at, price, symbol, changes, candidates);
    }
    changes.prices.set(symbol, current);
    // After the price is set: the greeks are marked at this spot.
    this.collectPositions(this.positions.onSpot(symbol, this.markMarket(at, changes), at, changes), at, entryId, changes, candidates);
  }

  /** Marks the position alerts and P&L prompt alerts of the options a heatmap event changed. */
  private async onHeatmap(event: TypedEvent<'heatmap'>, entryId: string, changes: StateChanges, candidates: AlertCandidate[]): Promise<void> {
    const at = event.ts;
    let evaluation: PositionEvaluation | 'gap' | undefined = this.positions.onHeatmap(event.data, this.markMarket(at, changes), at, changes);
    if (evaluation === 'gap') evaluation = await this.resyncHeatmap(event.data.symbol, at, changes);
    if (evaluation) this.collectPositions(evaluation, at, entryId, changes, candidates);
  }

  /** `origin` names the hits (hitKey): the stream entry that marked them, or the snapshot model read at resume. */
  private collectPositions(evaluation: PositionEvaluation, at: number, origin: string, changes: StateChanges, candidates: AlertCandidate[]): void {
    for (const { alert, watched, mark } of evaluation.hits) {
      const name = watched.kind === 'saved' ? watched.position.name : `${watched.position.strategy} ${watched.position.symbol}`;
      candidates.push(hitCandidate(alert.userId, alert.id, alert.kind, at, origin, positionMessage(alert, name, mark), 'warning', mark, watched.position.symbol));
    }
    for (const { prompt, current, previous } of evaluation.prompts) {
      // No symbol ticks here ('' matches none): each price condition reads where its symbol stands.
      const readings = prompt.rule.conditions.map((condition) => this.reading(condition, '', undefined, { price: Number.NaN, ts: at }, changes, { current, previous }));
      this.stagePrompt(prompt, readings, at, current, null, changes, candidates);
    }
  }

  private stagePrompt(prompt: InternalPromptAlertDto, readings: ConditionReading[], at: number, value: number, symbol: string | null, changes: StateChanges, candidates: AlertCandidate[]): void {
    const stage = nextStage(prompt.stage, ruleStage(prompt.rule, readings));
    if (stage === undefined) return;
    candidates.push({
      type: 'stage',
      key: stageKey(prompt.id, stage),
      userId: prompt.userId,
      alertId: prompt.id,
      kind: 'prompt-alert',
      at,
      message: stageMessage(prompt, stage),
      severity: stage === 'accomplished' ? 'critical' : 'warning',
      value,
      symbol,
      stage,
    });
    // Accomplished is final: the P&L mark it was staged on goes in the same commit.
    if (this.book.afterStage(prompt.id, stage)) this.forget(prompt.id, changes);
  }

  /**
   * One condition's subject: the ticking symbol moved, the others stand where they were; a P&L
   * condition reads the owner's open P&L (`pnl`: moved on a heatmap mark, standing on a spot tick).
   */
  private reading(condition: PromptAlertCondition, symbol: string, previous: LastPrice | undefined, current: LastPrice, changes: StateChanges, pnl: { current: number | undefined; previous: number | undefined }): ConditionReading {
    const target = condition.target.kind === 'number' ? condition.target.value : condition.symbol === null ? undefined : gexLevel(this.gex.get(condition.symbol), condition.target.level);
    if (condition.symbol === null) return { current: pnl.current, previous: pnl.previous, close: undefined, target };
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
    const { cursors, reload: users, touched, fills, invalid } = readSyncBatch(entries, this.deps.streams.sync, this.own);
    for (const [stream, id] of cursors) changes.cursors.set(stream, id);
    for (const stream of invalid) this.deps.metrics.invalid.inc({ stream });
    await this.reloadUsers(users, changes);
    await this.positions.reload(touched.keys());
    await this.readNewlyWatchedHeatmaps();
    const candidates: AlertCandidate[] = [];
    for (const [user, id] of touched) {
      const at = entryTime(id);
      this.collectPositions(this.positions.evaluateUsers([user], this.markMarket(at, changes), at, changes), at, id, changes, candidates);
    }
    for (const fill of fills) {
      const candidate = await this.fillCandidate(fill);
      if (candidate) candidates.push(candidate);
    }
    await this.recordAll(candidates, changes);
    await this.commit(changes);
  }

  /** Reads these users' alerts and prompt alerts from the journal again; what is gone is forgotten. */
  private async reloadUsers(users: ReadonlySet<string>, changes: StateChanges): Promise<void> {
    for (const user of users) {
      const [alerts, prompts] = await Promise.all([this.deps.journal.alerts(user), this.deps.journal.promptAlerts(user)]);
      for (const id of this.book.replaceUser(user, alerts, prompts)) this.forget(id, changes);
      this.deps.metrics.reloads.inc();
    }
    if (users.size > 0) this.report();
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

  private async recordAll(candidates: readonly AlertCandidate[], changes: StateChanges): Promise<void> {
    await this.recorded(await this.deps.recorder.recordAll(candidates), changes);
  }

  /**
   * What the journal's answers mean for the book: the sync entries it appended for accepted hits
   * are the engine's own (they reload nobody); a hit it refused because the alert changed under the
   * engine (another instance's hit, an edit whose sync entry is still on its way) reloads the owner.
   */
  private async recorded(results: readonly RecordResult[], changes: StateChanges): Promise<void> {
    const stale = new Set<string>();
    for (const { candidate, outcome, announced, stale: refused } of results) {
      if (outcome === 'pending') this.outboxPending = true;
      if (announced !== undefined) this.own.expect(candidate.type === 'stage' ? 'prompt-alert' : 'alert', candidate.alertId, announced);
      if (outcome === 'dropped' && refused === true) stale.add(candidate.userId);
    }
    await this.reloadUsers(stale, changes);
  }

  /**
   * Runs a batch: its hits and stages stay in the book only if it ends well; a failure (an outbox
   * write, a journal read, the commit) undoes them, so the batch read again finds the same hits.
   */
  private async settled(batch: () => Promise<void>): Promise<void> {
    try {
      await batch();
    } catch (error) {
      this.book.rollback();
      this.deps.metrics.failedBatches.inc();
      // Some of its hits may be in the outbox, accepted by the journal but not yet published; if the
      // batch read again no longer fires them (a user's reload came first), the next drain sends them.
      this.outboxPending = true;
      throw error;
    }
    this.book.settle();
  }

  private forget(alertId: string, changes: StateChanges): void {
    changes.trailing.delete(alertId);
    changes.marks.delete(alertId);
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
    // Forgotten only now: a batch that fails before its commit is read again with the stops it had.
    for (const id of changes.forget) if (!changes.trailing.has(id)) this.trailing.delete(id);
    this.positions.committed(changes.marks, changes.forget);
  }

  private report(): void {
    for (const [kind, count] of Object.entries(this.book.counts())) this.deps.metrics.loaded.set({ kind }, count);
  }
}

function hitCandidate(userId: string, alertId: string, kind: AlertCandidate['kind'], at: number, origin: string, message: string, severity: AlertCandidate['severity'], value: number, symbol: string): AlertCandidate {
  return { type: 'hit', key: hitKey(alertId, origin), userId, alertId, kind, at, message, severity, value, symbol };
}

/** The millisecond part of a stream entry id: when Redis appended it. */
function entryTime(id: string): number {
  return (parseStreamId(id) ?? ZERO_ID).ms;
}

function compareIds(a: string, b: string): number {
  return compareStreamIds(parseStreamId(a) ?? ZERO_ID, parseStreamId(b) ?? ZERO_ID);
}

/** The streams whose entries after the cursor read from were trimmed (some may be gone: retention is judged conservatively). */
async function trimmedPast(redis: Redis, streams: readonly string[], cursorOf: (stream: string) => string | undefined): Promise<string[]> {
  const lost: string[] = [];
  for (const stream of streams) {
    const cursor = parseStreamId(cursorOf(stream) ?? '');
    if (cursor && resumeVerdict(cursor, await streamBounds(redis, stream)) === 'retention') lost.push(stream);
  }
  return lost;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

