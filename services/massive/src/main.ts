import { Counter } from 'prom-client';
import { massiveSettings } from '@marketswarm/shared/truth';
import { closeServer, listen } from '@marketswarm/shared/http';
import { bootService, createOpsApp, packageVersion, runMain } from '@marketswarm/shared/service';
import { MarketClock } from './market-clock.js';
import { createPublisherMetrics, MarketPublisher } from './market-publisher.js';
import { ModelPublisher, type ModelRoutes } from './model-publisher.js';
import { RedisMarketSink } from './market-sink.js';
import { parseMassiveSettings } from './settings.js';
import { backfillOnStart } from './simulator-backfill.js';
import { SimulatorSource } from './simulator-source.js';
import { createTickSource } from './source-factory.js';
import { TickRecorder } from './tick-recorder.js';

runMain('massive', async () => {
  const ctx = await bootService({ id: 'massive', version: packageVersion(import.meta.url) });
  const own = ctx.settings.of(massiveSettings);
  const settings = parseMassiveSettings(own.settings, own.node.symbols, process.env, process.argv.slice(2));
  const { topics } = ctx.truth().doc;
  const spot = topics['spot'];
  const candles = topics['candles'];
  if (!spot || !candles) throw new Error('truth declares no spot/candles routes for the market producer');

  const sink = new RedisMarketSink(ctx.bus.get('market'), { spot, candles });
  const modelRoutes = Object.fromEntries((['gex', 'heatmap', 'mode', 'bias', 'selector'] as const).map((t) => [t, topics[t]]));
  if (Object.values(modelRoutes).some((r) => !r)) throw new Error('truth declares no route for one of gex, heatmap, mode, bias, selector');
  const models = new ModelPublisher(ctx.bus.get('market'), modelRoutes as ModelRoutes, ctx.logger, ctx.metrics, { weekendExpiries: settings.clock === 'demo' });
  await models.resume();
  const recorder = settings.recordFile
    ? new TickRecorder(settings.recordFile, (error) => ctx.logger.error({ err: error.message, file: settings.recordFile }, 'recording failed'))
    : undefined;
  const clock = new MarketClock(settings.clock);
  const publisher = new MarketPublisher({
    sink,
    clock,
    logger: ctx.logger,
    metrics: createPublisherMetrics(ctx.metrics),
    onPublished: (ticks) => {
      for (const tick of ticks) models.observe(tick.symbol, tick.price, tick.ts);
      recorder?.write(ticks);
    },
  });
  await publisher.resume(Date.now());
  const badRows = new Counter({ name: 'massive_replay_bad_rows_total', help: 'Replay rows skipped as malformed', registers: [ctx.metrics] });
  const source = createTickSource(settings, { logger: ctx.logger, badRows, now: () => Date.now(), startPrices: await sink.lastPrices() });
  if (source instanceof SimulatorSource) {
    const backfill = await backfillOnStart({ publisher, sink, simulator: source, clock, seed: settings.seed, symbols: settings.symbols, now: Date.now() });
    if (backfill.candles > 0) ctx.logger.info({ sessions: backfill.windows.map((w) => w.session), candles: backfill.candles }, 'backfilled candle history');
  }
  source.start((tick) => publisher.accept(tick));
  publisher.start(settings.spotIntervalMs);
  models.start(settings.modelIntervalMs);
  ctx.logger.info({ source: source.name, symbols: settings.symbols, clock: settings.clock, replay: settings.replayFile, record: settings.recordFile }, 'market producer started');

  const server = await listen(createOpsApp(ctx), ctx.config.port ?? 3010, ctx.config.host);
  ctx.onShutdown(() => closeServer(server));
  ctx.onShutdown(async () => {
    await source.stop();
    await publisher.stop();
    await models.stop();
    await recorder?.close();
  });
});
