import type { Command } from 'commander';
import { InvalidEventError, publishEvents } from '@marketswarm/shared/bus';
import { isTopicName, topicNames, type EventEnvelope } from '@marketswarm/shared/events';
import { adminPaths } from '../paths.js';
import { fetchLoadedTruth } from '../truth/loaded-truth.js';
import { busUrl, connectRedis } from '../truth/system-redis.js';
import { CliError } from '../ui/output.js';

const BATCH = 1000;

export interface PublishOptions {
  user?: string;
  count?: number;
  type?: string;
}

/** Builds the envelopes `publish` appends; with a count, payloads carry seq 0…n−1. */
export function buildEnvelopes(topic: string, data: Record<string, unknown>, options: PublishOptions, now = Date.now()): EventEnvelope[] {
  if (!isTopicName(topic)) throw new CliError(`unknown topic "${topic}" (topics: ${topicNames.join(', ')})`);
  const count = options.count ?? 1;
  return Array.from({ length: count }, (_, seq) => ({
    topic,
    type: options.type ?? 'update',
    ts: now,
    data: options.count === undefined ? data : { ...data, seq },
    ...(options.user ? { user: options.user } : {}),
  }));
}

export function registerPublish(program: Command): void {
  program
    .command('publish')
    .argument('<topic>', `one of: ${topicNames.join(', ')}`)
    .argument('<json>', 'the event payload (data) as JSON')
    .description("validate a payload against the topic's schema and append it exactly as a producer would; prints each new event id")
    .option('--user <id>', 'owner of a per-user event (alerts, trades, positions, risk-graph)')
    .option('--count <n>', 'append n events whose payloads get seq 0…n−1', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new CliError(`--count ${v}: must be a whole number from 1 to 10000000`);
      return n;
    })
    .option('--type <type>', 'event type', 'update')
    .action(async (topic: string, json: string, opts: PublishOptions) => {
      let data: unknown;
      try {
        data = JSON.parse(json);
      } catch (error) {
        throw new CliError(`<json>: not valid JSON: ${(error as Error).message}`);
      }
      if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new CliError('<json>: must be a JSON object');
      const envelopes = buildEnvelopes(topic, data as Record<string, unknown>, opts);
      const loaded = await fetchLoadedTruth(adminPaths());
      const route = loaded.doc.topics[topic];
      if (!route) throw new CliError(`truth declares no stream for topic "${topic}"`);
      const redis = await connectRedis(busUrl(loaded.doc, route.bus), route.bus);
      try {
        for (let i = 0; i < envelopes.length; i += BATCH) {
          const ids = await publishEvents(redis, route, envelopes.slice(i, i + BATCH));
          process.stdout.write(`${ids.join('\n')}\n`);
        }
      } catch (error) {
        if (error instanceof InvalidEventError) throw new CliError(`invalid ${topic} event: ${error.message}`);
        throw error;
      } finally {
        redis.disconnect();
      }
    });
}
