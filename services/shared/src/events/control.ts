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

/** `catch-up-budget`: replaying what the client missed would send more than the byte budget; the snapshot is smaller. */
export const streamResetReasonSchema = z.enum(['retention', 'unknown-position', 'unreadable-id', 'catch-up-budget']);
export type StreamResetReason = z.infer<typeof streamResetReasonSchema>;
/** `topic: '*'` when the whole id was unreadable: every topic starts over from its snapshot. */
export const streamResetSchema = z.looseObject({ topic: z.union([topicNameSchema, z.literal('*')]), reason: streamResetReasonSchema });
export type StreamReset = z.infer<typeof streamResetSchema>;

export const streamEndReasonSchema = z.enum(['slow-consumer', 'signed-out', 'shutdown']);
export type StreamEndReason = z.infer<typeof streamEndReasonSchema>;
export const streamErrorSchema = z.looseObject({ reason: streamEndReasonSchema, message: z.string() });
export type StreamError = z.infer<typeof streamErrorSchema>;

/**
 * Every control event by name: the gateway writes `ControlEventMap[name]` and the UI parses a
 * frame named `name` with `controlEventSchemas[name]`, so both ends agree on one definition.
 */
export const controlEventSchemas = {
  ready: streamReadySchema,
  reset: streamResetSchema,
  error: streamErrorSchema,
} as const;
export type ControlEventName = keyof typeof controlEventSchemas;
export type ControlEventMap = { [K in ControlEventName]: z.infer<(typeof controlEventSchemas)[K]> };

export const controlEventNames = Object.keys(controlEventSchemas) as readonly ControlEventName[];

/** Own keys only: a frame named `constructor` or `__proto__` is not a control event. */
export function isControlEventName(name: string): name is ControlEventName {
  return Object.hasOwn(controlEventSchemas, name);
}

export type ParseControlResult<K extends ControlEventName> = { ok: true; data: ControlEventMap[K] } | { ok: false; message: string };

/** Checks a control frame's data (already JSON-parsed) against its event's schema. */
export function parseControlEvent<K extends ControlEventName>(name: K, data: unknown): ParseControlResult<K> {
  const parsed = controlEventSchemas[name].safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data as ControlEventMap[K] };
  return { ok: false, message: `not a ${name} event: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}` };
}
