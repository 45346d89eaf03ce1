import { z } from 'zod';
import { candleHistoryRequestSchema, candleHistorySchema } from '@marketswarm/shared/dto';
import { eventEnvelopeSchema, symbolInputSchema, type TopicName } from '@marketswarm/shared/events';

/** The market models served as REST snapshots, by URL name. */
export const MODEL_TOPICS: ReadonlyMap<string, TopicName> = new Map<string, TopicName>([
  ['spot', 'spot'],
  ['candles', 'candles'],
  ['heatmap', 'heatmap'],
  ['gex', 'gex'],
  ['mode', 'mode'],
  ['bias', 'bias'],
  ['selector', 'selector'],
]);
export const MODEL_NAMES = [...MODEL_TOPICS.keys()];

/**
 * `:model` is any string here (documented as the list): an unknown model is a 404 from the service,
 * not a 400, so a client can tell "no such thing" from "malformed".
 */
export const modelParamsSchema = z.object({
  model: z.string().meta({ enum: MODEL_NAMES, description: 'the model' }),
  symbol: symbolInputSchema.optional().describe('one symbol (a ticker such as SPX), any case'),
});

export const modelSnapshotSchema = z.object({
  model: z.string(),
  items: z.array(eventEnvelopeSchema).describe('the latest event per key (symbol), as a new stream receives first'),
});
export type ModelSnapshot = z.output<typeof modelSnapshotSchema>;

export const candleHistoryParamsSchema = candleHistoryRequestSchema.pick({ symbol: true });
export const candleHistoryQuerySchema = candleHistoryRequestSchema.omit({ symbol: true });
export { candleHistorySchema };
