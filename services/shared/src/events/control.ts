import { z } from 'zod';
import { topicNameSchema } from './topics.js';

/**
 * The gateway's control events, outside any topic (docs/API.md, "Control events"). The gateway
 * writes them and the UI parses them with these schemas.
 */
export const streamReadySchema = z.looseObject({
  topics: z.array(topicNameSchema),
  resumed: z.array(topicNameSchema),
  reset: z.array(topicNameSchema),
});
export type StreamReady = z.infer<typeof streamReadySchema>;

export const streamResetReasonSchema = z.enum(['retention', 'unknown-position', 'unreadable-id']);
/** `topic: '*'` when the whole id was unreadable: every topic starts over from its snapshot. */
export const streamResetSchema = z.looseObject({ topic: z.union([topicNameSchema, z.literal('*')]), reason: streamResetReasonSchema });
export type StreamReset = z.infer<typeof streamResetSchema>;

export const streamEndReasonSchema = z.enum(['slow-consumer', 'signed-out', 'shutdown']);
export type StreamEndReason = z.infer<typeof streamEndReasonSchema>;
export const streamErrorSchema = z.looseObject({ reason: streamEndReasonSchema, message: z.string() });
export type StreamError = z.infer<typeof streamErrorSchema>;
