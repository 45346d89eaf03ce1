import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { CommentaryConfigDto, CommentaryConfigPatch, CommentaryDto, MelSnapshot } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import type { Logger } from '@marketswarm/shared/logger';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import { copilotSettings, type CopilotSettings } from '@marketswarm/shared/truth';
import { FiredAlerts, type FiredAlert } from '../alerts/fired-alerts.js';
import { UserBookReader } from '../book/user-book.reader.js';
import { MarketReader } from '../market/market-reader.js';
import { MelService } from '../mel/mel.service.js';
import { bookBreakevens } from './book-breakevens.js';
import { CommentaryAudience } from './commentary-audience.js';
import { decodeLineNotice } from './commentary-line-notice.js';
import { alertCommentary, breakevenCommentary, coherenceCommentary, levelCommentary, melStateCommentary, onDemandCommentary, type CommentaryDraft, type MarketObservation } from './commentary-rules.js';
import { COMMENTARY_KEYS, CommentaryStore } from './commentary.store.js';
import { CommentaryPhraser, LLM_API_KEY_SECRET, type PhrasedLine } from './provider/commentary-phraser.js';
import { CommentaryRateLimit, RATE_WINDOW_MS, SlidingWindow } from './rate-limit.js';

/** The DTE commentary watches: the one MEL always computes, the one the header shows. */
export const COMMENTARY_DTE = 0;

/** Config changes per user per minute, over REST and WS together and across every instance. */
export const COMMENTARY_CONFIG_WRITES_PER_MINUTE = 10;

/**
 * Where a stored line is sent. `here`: to the user's sockets on this instance only, for lines every
 * instance computes itself for its own sockets (market-wide lines and breakevens from its MEL ticks).
 * `everywhere`: also announced to the other instances, for lines only this instance produces (a
 * trigger it answered, an alert its engine fired).
 */
type Reach = 'here' | 'everywhere';

/** Injection token of the clock commentary stamps lines and rate limits with; specs may fix it. */
export const COMMENTARY_CLOCK = Symbol('COMMENTARY_CLOCK');

/**
 * Commentary for every user connected to this instance: on each MEL update of DTE 0 it compares
 * MEL and the market levels (spot, walls, flip) with the previous update and each user's
 * breakevens with spot; fired alerts go to their owner. Each line is filtered by the user's config,
 * limited per minute, phrased (rules, or the provider when allowed), stored and sent.
 *
 * Market-wide lines are stored only for the users they are delivered to: a user who was not
 * connected gets no backlog of market talk. A fired alert is stored for its owner even when they
 * are not connected here, so the next `recent` shows it.
 *
 * With several instances, each one speaks to its own sockets. Market-wide and breakeven lines are
 * computed by every instance from its own MEL ticks for the users connected to it; a tab has one
 * socket on one instance, so it gets each such line once (a user with tabs on two instances gets
 * a line in each tab, and both instances store their copy in the user's list). A trigger or a
 * fired alert happens on one instance only (the alert engine's leader fires): that instance sends
 * the line to its sockets and announces it on `COMMENTARY_KEYS.lineChannel`; every other instance
 * sends it to the user's sockets there, and the announcing one ignores its own announcement.
 */
@Injectable()
export class CommentaryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger: Logger;
  private readonly settings: CopilotSettings;
  private readonly rateLimit: CommentaryRateLimit;
  private readonly phraser: CommentaryPhraser;
  private readonly triggers = new SlidingWindow();
  /** Configs of the users connected here, kept fresh by the config wake-up. */
  private readonly configs = new Map<string, CommentaryConfigDto>();
  private previousMel: MelSnapshot | null = null;
  private previousMarket: MarketObservation | null = null;
  /** Ticks run one after another: each compares with the one before it. */
  private tick: Promise<void> = Promise.resolve();
  private readonly unsubscribers: Array<() => void> = [];
  private subscriber: Redis | undefined;
  /** Tells this instance's own line announcements from the others'. */
  private readonly instanceId = randomUUID();

  constructor(
    @Inject(SERVICE_CONTEXT) private readonly ctx: ServiceContext,
    @Inject(CommentaryStore) private readonly store: CommentaryStore,
    @Inject(CommentaryAudience) private readonly audience: CommentaryAudience,
    @Inject(MelService) private readonly mel: MelService,
    @Inject(MarketReader) private readonly market: MarketReader,
    @Inject(UserBookReader) private readonly books: UserBookReader,
    @Inject(FiredAlerts) private readonly firedAlerts: FiredAlerts,
    @Optional() @Inject(COMMENTARY_CLOCK) private readonly now: () => number = Date.now,
  ) {
    this.logger = ctx.logger.child({ module: 'commentary' });
    this.settings = ctx.settings.of(copilotSettings).settings;
    this.rateLimit = new CommentaryRateLimit(ctx.metrics);
    this.phraser = new CommentaryPhraser(
      () => this.settings.provider,
      () => ctx.truth().doc.secrets[ctx.id]?.[LLM_API_KEY_SECRET],
      this.logger,
      ctx.metrics,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribers.push(
      this.mel.onUpdate((snapshot) => {
        if (snapshot.dte !== COMMENTARY_DTE) return;
        this.tick = this.tick.then(() => this.observe(snapshot)).catch((error: unknown) => this.logger.warn({ err: error }, 'commentary tick failed; the next one compares afresh'));
      }),
      this.firedAlerts.onFired((fired) => {
        this.onAlert(fired).catch((error: unknown) => this.logger.warn({ err: error, userId: fired.userId }, 'commentary on a fired alert failed'));
      }),
    );
    this.subscriber = this.ctx.bus.dedicated('system', 'commentary-wakeups');
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === COMMENTARY_KEYS.lineChannel) this.deliverAnnounced(message);
      else this.refreshConfig(message).catch((error: unknown) => this.logger.warn({ err: error, userId: message }, 'commentary config refresh failed'));
    });
    await this.subscriber.subscribe(COMMENTARY_KEYS.configChannel, COMMENTARY_KEYS.lineChannel);
  }

  async onModuleDestroy(): Promise<void> {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.subscriber?.disconnect();
    await this.tick;
  }

  recent(userId: string, limit: number): Promise<CommentaryDto[]> {
    return this.store.recent(userId, limit);
  }

  async config(userId: string): Promise<CommentaryConfigDto> {
    const cached = this.configs.get(userId);
    if (cached && this.audience.has(userId)) return cached;
    const config = await this.store.config(userId);
    if (this.audience.has(userId)) this.configs.set(userId, config);
    return config;
  }

  /**
   * Merges the patch, stores it, tells the user's sockets here at once and other instances by the
   * wake-up. Limited per user across instances: each change costs a read, a write and a publish,
   * and a re-read on every instance.
   */
  async updateConfig(userId: string, patch: CommentaryConfigPatch): Promise<CommentaryConfigDto> {
    const allowance = await this.store.takeConfigWrite(userId, COMMENTARY_CONFIG_WRITES_PER_MINUTE, RATE_WINDOW_MS);
    if (!allowance.allowed) {
      throw new DomainError('rate-limited', `at most ${COMMENTARY_CONFIG_WRITES_PER_MINUTE} config changes a minute`, { retryAfterSec: allowance.retryAfterSec });
    }
    const current = await this.store.config(userId);
    const next: CommentaryConfigDto = { ...current, ...definedOf(patch) };
    await this.store.saveConfig(userId, next);
    if (this.audience.has(userId)) this.configs.set(userId, next);
    this.audience.send(userId, { type: 'config_update', config: next });
    await this.store.announceConfigChange(userId);
    return next;
  }

  /**
   * A comment on the market now (and on the question, by the provider when allowed). Asked for, so
   * it ignores the user's kinds and enabled flag; triggers are limited to the service's per-minute
   * figure so a script cannot turn the provider into a free chat.
   */
  async trigger(userId: string, question?: string): Promise<CommentaryDto> {
    const now = this.now();
    if (!this.triggers.tryTake(userId, this.settings.commentaryMaxPerMinute, now)) {
      throw new DomainError('rate-limited', `at most ${this.settings.commentaryMaxPerMinute} triggers a minute`, { retryAfterSec: 60 });
    }
    const [mel, market] = await Promise.all([this.mel.snapshot(COMMENTARY_DTE).catch(() => null), this.readMarket()]);
    const draft = onDemandCommentary(mel, market);
    const config = await this.config(userId);
    const phrased = await this.phraser.phrase(draft, config.useProvider, question);
    return this.publish(userId, draft, phrased, now, 'everywhere');
  }

  private async observe(snapshot: MelSnapshot): Promise<void> {
    const market = await this.readMarket();
    const prevMel = this.previousMel;
    const prevMarket = this.previousMarket;
    this.previousMel = snapshot;
    this.previousMarket = market;
    const shared = [...melStateCommentary(prevMel, snapshot), ...coherenceCommentary(prevMel, snapshot), ...levelCommentary(prevMarket, market)];
    const users = this.audience.users();
    for (const userId of this.configs.keys()) if (!this.audience.has(userId)) this.configs.delete(userId);
    if (users.length === 0) return;
    // One provider call per market-wide line however many users want it phrased.
    const phrasedShared = new Map<CommentaryDraft, Promise<PhrasedLine>>();
    const now = this.now();
    await Promise.all(
      users.map(async (userId) => {
        const config = await this.config(userId);
        if (!config.enabled) return;
        const own = config.kinds.includes('breakeven') && prevMarket !== null ? breakevenCommentary(prevMarket.spot, market, bookBreakevens(await this.books.read(userId))) : [];
        for (const draft of [...shared, ...own]) {
          if (!this.wanted(userId, config, draft, now)) continue;
          let phrased: Promise<PhrasedLine>;
          if (shared.includes(draft) && config.useProvider) {
            phrased = phrasedShared.get(draft) ?? this.phraser.phrase(draft, true);
            phrasedShared.set(draft, phrased);
          } else {
            phrased = this.phraser.phrase(draft, config.useProvider);
          }
          await this.publish(userId, draft, await phrased, now, 'here');
        }
      }),
    );
  }

  private async onAlert(fired: FiredAlert): Promise<void> {
    const config = await this.config(fired.userId);
    const draft = alertCommentary(fired);
    const now = this.now();
    if (!config.enabled || !this.wanted(fired.userId, config, draft, now)) return;
    await this.publish(fired.userId, draft, await this.phraser.phrase(draft, config.useProvider), now, 'everywhere');
  }

  /** The user wants this kind, and is under their per-minute limit (past it the line is dropped and counted). */
  private wanted(userId: string, config: CommentaryConfigDto, draft: CommentaryDraft, now: number): boolean {
    if (!config.kinds.includes(draft.kind)) return false;
    return this.rateLimit.allow(userId, draft.kind, CommentaryRateLimit.limitOf(config.maxPerMinute, this.settings.commentaryMaxPerMinute), now);
  }

  private async publish(userId: string, draft: CommentaryDraft, phrased: PhrasedLine, now: number, reach: Reach): Promise<CommentaryDto> {
    const item: CommentaryDto = { id: randomUUID(), ts: now, kind: draft.kind, severity: draft.severity, text: phrased.text, source: phrased.source, ...(draft.symbol === undefined ? {} : { symbol: draft.symbol }) };
    await this.store.push(userId, item);
    this.audience.send(userId, { type: 'commentary', item });
    // Announced after the push: an instance whose socket opens later finds the line in `recent` instead.
    if (reach === 'everywhere') await this.store.announceLine(this.instanceId, userId, item);
    return item;
  }

  /** Another instance stored a line only it produced: send it to the user's sockets here (this instance's own announcement was sent already). */
  private deliverAnnounced(message: string): void {
    const notice = decodeLineNotice(message);
    if (notice === null) {
      this.logger.warn('ignored a commentary line announcement that does not parse');
      return;
    }
    if (notice.origin === this.instanceId) return;
    this.audience.send(notice.userId, { type: 'commentary', item: notice.item });
  }

  private async readMarket(): Promise<MarketObservation> {
    const symbol = this.settings.melSymbol;
    const [spot, gex] = await Promise.all([this.market.spot(symbol), this.market.gex(symbol)]);
    return {
      symbol,
      spot: spot?.data.price ?? gex?.data.spot ?? null,
      callWall: gex?.data.callWall ?? null,
      putWall: gex?.data.putWall ?? null,
      flip: gex?.data.flip ?? null,
    };
  }

  /** Another instance (or this one) changed the user's config: re-read it, and tell the user's sockets here if it differs. */
  private async refreshConfig(userId: string): Promise<void> {
    if (!this.audience.has(userId)) return;
    const config = await this.store.config(userId);
    if (isDeepStrictEqual(this.configs.get(userId), config)) return;
    this.configs.set(userId, config);
    this.audience.send(userId, { type: 'config_update', config });
  }
}

/** The patch's fields that are set: an explicit `undefined` must not erase a stored field. */
function definedOf(patch: CommentaryConfigPatch): Partial<CommentaryConfigDto> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}
