import { SeqCounter } from '@marketswarm/shared/bus';
import { closeServer, listen } from '@marketswarm/shared/http';
import { bootService, createOpsApp, packageVersion, runMain } from '@marketswarm/shared/service';
import { intelSettings } from '@marketswarm/shared/truth';
import { fetchFeed } from './feed-fetcher.js';
import { FeedPoller } from './feed-poller.js';
import { createIntelMetrics } from './intel-metrics.js';
import { IntelRepository } from './intel-repository.js';
import { repoRoot } from './intel-settings.js';
import { MarketFollower } from './market-follower.js';
import { readSampleMarket, SamplePublisher } from './sample-intel-publisher.js';
import { VexyCommentator } from './vexy-commentator.js';
import { VexyService } from './vexy-service.js';

runMain('intel', async () => {
  const ctx = await bootService({ id: 'intel', version: packageVersion(import.meta.url) });
  // `settings` follows truth:reload in place for its live keys (requestTimeoutMs, read per request).
  const { settings, node } = ctx.settings.of(intelSettings);
  const { topics } = ctx.truth().doc;
  const intelRoute = topics['intel'];
  const vexyRoute = topics['vexy'];
  if (!intelRoute || !vexyRoute) throw new Error('truth has no route for topic "intel" or "vexy"');
  const watched = [...node.symbols];
  const intelRedis = ctx.bus.get('intel');
  // One seq per topic, continuing after the highest one already published, before anything publishes.
  const [intelSeq, vexySeq] = await Promise.all([SeqCounter.resume(intelRedis, intelRoute), SeqCounter.resume(intelRedis, vexyRoute)]);
  ctx.logger.info({ intelSeq: intelSeq.peek(), vexySeq: vexySeq.peek() }, 'seq numbering resumed');

  const vexy = new VexyService(
    new VexyCommentator({
      watched,
      largeMovePct: settings.vexyLargeMovePct,
      crossingCooldownMs: settings.vexyCrossingCooldownSec * 1000,
      hysteresisSteps: settings.vexyHysteresisSteps,
    }),
    intelRedis,
    vexyRoute,
    vexySeq,
  );
  const metrics = createIntelMetrics(ctx.metrics);
  const store = new IntelRepository(intelRedis, intelRoute, settings.seenLimit, intelSeq);
  // Real feeds replace the sample; without any, the sample is written around the live market.
  const spotRoute = topics['spot'];
  const sample =
    settings.feeds.length === 0 && spotRoute
      ? new SamplePublisher({ readMarket: () => readSampleMarket(ctx.bus.get('market'), spotRoute, topics['gex']), store, watched, logger: ctx.logger, metrics })
      : undefined;
  const marketStreams = ['spot', 'mode', 'gex'].flatMap((t) => (topics[t] ? [topics[t].stream] : []));
  const follower = new MarketFollower(
    ctx.bus.dedicated('market', 'vexy'),
    marketStreams,
    (event) => {
      sample?.onMarketEvent(event);
      return vexy.onMarketEvent(event);
    },
    ctx.logger,
  );
  await follower.start();
  ctx.onShutdown(() => follower.stop());
  if (sample) {
    await sample.start();
    ctx.onShutdown(() => sample.stop());
  }

  const server = await listen(createOpsApp(ctx), ctx.config.port ?? 3011, ctx.config.host);
  ctx.onShutdown(() => closeServer(server));

  const poller = new FeedPoller(
    settings.feeds,
    {
      pollIntervalMs: settings.pollIntervalSec * 1000,
      backoff: { baseMs: settings.backoffBaseSec * 1000, maxMs: settings.backoffMaxSec * 1000 },
      watched,
    },
    {
      store,
      fetch: (url, previous) => fetchFeed(url, previous, { timeoutMs: settings.requestTimeoutMs, root: repoRoot }),
      metrics,
      logger: ctx.logger,
      onPublished: (items) => vexy.onIntel(items),
    },
  );
  poller.start();
  ctx.onShutdown(() => poller.stop());
});
