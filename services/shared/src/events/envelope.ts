import { z } from 'zod';
import { topicNameSchema, topicSpecs, type TopicName } from './topics.js';
import { topicPayloadSchemas, type TopicPayload, type TopicPayloadInput } from './payloads.js';

export const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -');
export const eventTypeSchema = z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/, 'must be a short lower-case name such as "tick"');

/** The one envelope every event travels in, from producer to Redis stream to SSE frame. */
export const eventEnvelopeSchema = z.strictObject({
  topic: topicNameSchema,
  type: eventTypeSchema,
  ts: z.number().int().positive(),
  data: z.record(z.string(), z.unknown()),
  user: userIdSchema.optional(),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

/** An envelope whose payload has been checked against its topic's schema. */
export type TypedEvent<T extends TopicName = TopicName> = {
  [K in T]: { topic: K; type: string; ts: number; data: TopicPayload<K>; user?: string };
}[T];

/** One event as a producer builds it for topic `T`: the envelope around that topic's payload. */
export interface EventOf<T extends TopicName> {
  topic: T;
  type: string;
  ts: number;
  data: TopicPayloadInput<T>;
  user?: string;
}

/**
 * An event for any of the topics `T`, its payload typed by its own topic (a union discriminated by
 * `topic`), so a spot event with a gex payload does not compile.
 */
export type EventInput<T extends TopicName = TopicName> = { [K in T]: EventOf<K> }[T];

export interface EventIssue {
  path: string;
  message: string;
}

export type ParseEventResult = { ok: true; event: TypedEvent } | { ok: false; issues: EventIssue[] };

function toIssues(error: z.ZodError, prefix: string): EventIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Validates an envelope and its topic payload, and the scope rule (user topics need an owner). */
export function parseEvent(input: unknown): ParseEventResult {
  const envelope = eventEnvelopeSchema.safeParse(input);
  if (!envelope.success) return { ok: false, issues: toIssues(envelope.error, '') };
  const { topic, user } = envelope.data;
  const payload = topicPayloadSchemas[topic].safeParse(envelope.data.data);
  if (!payload.success) return { ok: false, issues: toIssues(payload.error, 'data') };
  if (topicSpecs[topic].scope === 'user' && user === undefined) {
    return { ok: false, issues: [{ path: 'user', message: `topic "${topic}" is per user: the event needs a user` }] };
  }
  return { ok: true, event: { ...envelope.data, data: payload.data } as TypedEvent };
}

export function formatEventIssues(issues: readonly EventIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}
