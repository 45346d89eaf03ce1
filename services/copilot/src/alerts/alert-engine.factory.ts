import { ALERT_SYNC_STREAM } from '@marketswarm/shared/dto';
import type { ServiceContext } from '@marketswarm/shared/service';
import { AlertEngine } from './alert-engine.js';
import { DEFAULT_BOOK_STREAMS, DEFAULT_MARKET_SNAPSHOTS, DEFAULT_MARKET_STREAMS } from './alert-keys.js';
import { AlertMetrics } from './alert-metrics.js';
import { AlertOutbox } from './alert-outbox.js';
import { ALERTS_CRASH_ENV, crashPointOf } from './crash-point.js';
import { EngineLease } from './engine-lease.js';
import { EngineStateStore } from './engine-state.store.js';
import type { FiredAlerts } from './fired-alerts.js';
import { HitRecorder } from './hit-recorder.js';
import { CROSSING_LOOKUP_ENV, createCrossingLookup, crossingLookupKindOf } from './index/crossing-lookup-kind.js';
import { InternalJournalClient } from './internal-journal.client.js';
import type { BookSource } from './positions/position-watch.js';
import { DEFAULT_USER_BOOK_KEYS, UserBookReader } from '../book/user-book.reader.js';
import { journalAddressOf } from './journal-address.js';
import { ALERTS_LEASE_ENV, leaseTtlOf } from './lease-ttl.js';

export interface AlertEngineTuning {
  /** Users' books; default a UserBookReader on the journal's snapshots that truth routes. */
  books?: BookSource;
  leaseTtlMs?: number;
  leaseCheckMs?: number;
  blockMs?: number;
  fullReloadMs?: number;
}

/**
 * Builds the engine from a booted context: routes from truth, the journal's address and token from
 * truth (read at each call), and the environment's switches — `MS_COPILOT_ALERT_INDEX` (`sorted`,
 * or `linear` only for `npm run bench:alerts`), `MS_COPILOT_ALERTS_CRASH` (fault injection for the
 * restart spec), `MS_JOURNAL_URL` (tests), `MS_COPILOT_ALERTS_LEASE_MS` (the lease's time to live:
 * a spec that kills the leader waits this long for a standby; default 10 s; the lease is then checked every third of it).
 */
export function createAlertEngine(ctx: ServiceContext, fired: FiredAlerts, env: NodeJS.ProcessEnv = process.env, tuning: AlertEngineTuning = {}): AlertEngine {
  const topics = ctx.truth().doc.topics;
  const alertsRoute = topics['alerts'];
  if (!alertsRoute) throw new Error('truth declares no route for topic "alerts": the alert engine has nowhere to publish');
  const logger = ctx.logger.child({ module: 'alert-engine' });
  const leaseTtlMs = tuning.leaseTtlMs ?? leaseTtlOf(env[ALERTS_LEASE_ENV]);
  const system = ctx.bus.get('system');
  const metrics = new AlertMetrics(ctx.metrics);
  const journal = new InternalJournalClient(() => journalAddressOf(ctx.truth().doc, env));
  const recorder = new HitRecorder(new AlertOutbox(system, alertsRoute), journal, fired, metrics, logger, crashPointOf(env[ALERTS_CRASH_ENV]));
  return new AlertEngine({
    system,
    market: ctx.bus.get('market'),
    systemBlocking: ctx.bus.dedicated('system', 'alerts'),
    marketBlocking: ctx.bus.dedicated('market', 'alerts'),
    streams: {
      spot: topics['spot']?.stream ?? DEFAULT_MARKET_STREAMS.spot,
      gex: topics['gex']?.stream ?? DEFAULT_MARKET_STREAMS.gex,
      heatmap: topics['heatmap']?.stream ?? DEFAULT_MARKET_STREAMS.heatmap,
      spotSnapshot: topics['spot']?.snapshot ?? DEFAULT_MARKET_SNAPSHOTS.spot,
      gexSnapshot: topics['gex']?.snapshot ?? DEFAULT_MARKET_SNAPSHOTS.gex,
      heatmapSnapshot: topics['heatmap']?.snapshot ?? DEFAULT_MARKET_SNAPSHOTS.heatmap,
      sync: ALERT_SYNC_STREAM,
      positions: topics['positions']?.stream ?? DEFAULT_BOOK_STREAMS.positions,
      riskGraph: topics['risk-graph']?.stream ?? DEFAULT_BOOK_STREAMS.riskGraph,
    },
    journal,
    books:
      tuning.books ??
      new UserBookReader(system, logger, {
        positions: topics['positions']?.snapshot ?? DEFAULT_USER_BOOK_KEYS.positions,
        riskGraph: topics['risk-graph']?.snapshot ?? DEFAULT_USER_BOOK_KEYS.riskGraph,
      }),
    recorder,
    store: new EngineStateStore(system),
    lease: new EngineLease(system, leaseTtlMs),
    crossings: createCrossingLookup(crossingLookupKindOf(env[CROSSING_LOOKUP_ENV])),
    metrics,
    logger,
    leaseCheckMs: tuning.leaseCheckMs ?? (leaseTtlMs === undefined ? undefined : Math.floor(leaseTtlMs / 3)),
    blockMs: tuning.blockMs,
    fullReloadMs: tuning.fullReloadMs,
  });
}
