import { z } from 'zod';
import { busNameSchema } from '../events/bus-name.js';
import { topicNameSchema } from '../events/topics.js';
import { componentSchema, nodeSchema } from './component.schema.js';

/** Where a topic's events live: the stream producers append to and the optional snapshot hash. */
export const topicRouteSchema = z.strictObject({
  topic: topicNameSchema,
  bus: busNameSchema,
  stream: z.string().min(1),
  maxlen: z.number().int().positive(),
  snapshot: z.string().min(1).optional(),
  producers: z.array(z.string()),
});
export type TopicRoute = z.infer<typeof topicRouteSchema>;

export const truthDocSchema = z.strictObject({
  node: nodeSchema,
  components: z.record(z.string(), componentSchema),
  topics: z.record(z.string(), topicRouteSchema),
  /** Merged by load-truth from the environment or scripts/truth_secrets.json; never in git. */
  secrets: z.record(z.string(), z.record(z.string(), z.string())).default({}),
});
export type TruthDoc = z.infer<typeof truthDocSchema>;

export const DEFAULT_STREAM_MAXLEN = 10_000;
