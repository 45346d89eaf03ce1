import type { IngestEvent } from '@marketswarm/shared/dto';
import { parseEvent, type EventIssue, type TopicName, type TypedEvent } from '@marketswarm/shared/events';

export interface IngestSource {
  topic: TopicName;
  /** The owner of every event, for a per-user topic: the user the key is bound to. */
  user?: string;
  /** Whether the body was a batch, so an issue names `events.<i>.…` rather than the body's own field. */
  batch: boolean;
  now: number;
}

export type BuiltEvents = { ok: true; events: TypedEvent[] } | { ok: false; issues: EventIssue[] };

/**
 * A producer's events in the shared envelope: topic from the path, ts from the gateway's clock, user
 * from the key. Each is checked by the same parseEvent as `./admin publish`; every issue is named by
 * where it sits in the request body.
 */
export function buildIngestEvents(inputs: readonly IngestEvent[], source: IngestSource): BuiltEvents {
  const events: TypedEvent[] = [];
  const issues: EventIssue[] = [];
  inputs.forEach((input, i) => {
    const parsed = parseEvent({ topic: source.topic, type: input.type ?? 'update', ts: source.now, data: input.data, ...(source.user ? { user: source.user } : {}) });
    if (parsed.ok) events.push(parsed.event);
    else for (const issue of parsed.issues) issues.push({ path: source.batch ? `events.${i}.${issue.path}` : issue.path, message: issue.message });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, events };
}
