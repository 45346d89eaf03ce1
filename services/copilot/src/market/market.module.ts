import { Global, Module, type Provider } from '@nestjs/common';
import { Counter } from 'prom-client';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { MARKET_READER_TOPICS, MarketReader, MASSIVE_MARKET_ROUTES, type MarketReaderTopic, type MarketRoutes } from './market-reader.js';

/** Truth's route of each topic the reader needs; a topic truth does not route keeps the producer's documented key. */
export function marketRoutesOf(topics: Readonly<Record<string, TopicRoute>>): MarketRoutes {
  const routes = {} as Record<MarketReaderTopic, Pick<TopicRoute, 'stream' | 'snapshot'>>;
  for (const topic of MARKET_READER_TOPICS) routes[topic] = topics[topic] ?? MASSIVE_MARKET_ROUTES[topic];
  return routes;
}

const marketReaderProvider: Provider = {
  provide: MarketReader,
  useFactory: (ctx: ServiceContext) => {
    const skipped = new Counter({ name: 'ms_copilot_market_entries_skipped_total', help: 'Market Redis entries that failed the contract and were skipped', labelNames: ['topic'], registers: [ctx.metrics] });
    const logger = ctx.logger.child({ module: 'market-reader' });
    return new MarketReader(ctx.bus.get('market'), marketRoutesOf(ctx.truth().doc.topics), {
      onSkip: (topic, reason) => {
        skipped.inc({ topic });
        logger.debug({ topic, reason }, 'market entry skipped');
      },
    });
  },
  inject: [SERVICE_CONTEXT],
};

/** The copilot's one reader of market Redis, for every feature module (MEL, ADI, commentary, alerts). */
@Global()
@Module({ providers: [marketReaderProvider], exports: [MarketReader] })
export class MarketModule {}
