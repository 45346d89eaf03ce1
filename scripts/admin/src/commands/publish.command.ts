import type { Command } from 'commander';
// Static although it loads zod (~0.1 s): the <topic> help lists topicNames, and the action needs zod anyway.
import { formatEventIssues, isTopicName, parseEvent, topicNames, type TypedEvent } from '@marketswarm/shared/events';
import { adminPaths } from '../paths.js';
import { CliError } from '../ui/output.js';

const BATCH = 1000;

export interface PublishOptions {
  user?: string;
  count?: number;
  type?: string;
}

/**
 * The events `publish` appends: the operator's JSON checked once against its topic's schema (it has
 * no static type), then, with a count, n copies whose payloads carry seq 0…n−1.
 */
export async function buildEvents(topic: string, data: Record<string, unknown>, options: PublishOptions, now = Date.now()): Promise<TypedEvent[]> {
  if (!isTopicName(topic)) throw new CliError(`unknown topic "${topic}" (topics: ${topicNames.join(', ')})`);
  const parsed = parseEvent({ topic, type: options.type ?? 'update', ts: now, data, ...(options.user ? { user: options.user } : {}) });
  if (!parsed.ok) throw new CliError(`invalid ${topic} event: ${formatEventIssues(parsed.issues)}`);
  if (options.count === undefined) return [parsed.event];
  // The bus code (ioredis) loads on run only: every ./admin command registers this one.
  const { SeqCounter } = await import('@marketswarm/shared/bus');
  const seq = new SeqCounter();
  const event = parsed.event;
  // Every topic's payload has an optional `seq`, so numbering keeps the event of its topic.
  return Array.from({ length: options.count }, () => ({ ...event, data: { ...event.data, seq: seq.next() } }) as TypedEvent);
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
      const events = await buildEvents(topic, data as Record<string, unknown>, opts);
      const { InvalidEventError, publishEvents } = await import('@marketswarm/shared/bus');
      const { fetchLoadedTruth } = await import('../truth/loaded-truth.js');
      const { busUrl, connectRedis } = await import('../truth/system-redis.js');
      const loaded = await fetchLoadedTruth(adminPaths());
      const route = loaded.doc.topics[topic];
      if (!route) throw new CliError(`truth declares no stream for topic "${topic}"`);
      const redis = await connectRedis(busUrl(loaded.doc, route.bus), route.bus);
      try {
        for (let i = 0; i < events.length; i += BATCH) {
          const ids = await publishEvents(redis, route, events.slice(i, i + BATCH));
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
