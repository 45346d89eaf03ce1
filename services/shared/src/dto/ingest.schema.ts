import { z } from 'zod';
import { eventTypeSchema } from '../events/envelope.js';

/**
 * `POST /api/ingest/:topic` (gateway, `Authorization: Bearer <API key>`): one event as
 * `{ type?, data }` or a batch as `{ events: [{ type?, data }] }`. The envelope's `topic` comes from
 * the path, `ts` from the gateway's clock and, for a per-user topic, `user` from the key: a producer
 * sends only what it knows. `data` is checked against the topic's schema by the gateway.
 */

/**
 * The largest body `POST /api/ingest/:topic` accepts, in bytes: nginx's client_max_body_size on the
 * route and the ceiling of the gateway's setting `ingest.maxBodyBytes`, so the gateway never
 * allows a body that nginx refuses.
 */
export const INGEST_MAX_BODY_BYTES = 256 * 1024;

/** The most events one request may carry (the key's burst may allow fewer). */
export const INGEST_MAX_BATCH = 1000;

const ingestData = z.record(z.string(), z.unknown()).describe("The event's payload, checked against the topic's schema");

export const ingestEventSchema = z.strictObject({
  type: eventTypeSchema.optional().describe('Event type; "update" when absent'),
  data: ingestData,
});
export type IngestEvent = z.infer<typeof ingestEventSchema>;

export const ingestBodySchema = z
  .strictObject({
    type: eventTypeSchema.optional().describe('Event type of a single event; "update" when absent'),
    data: ingestData.optional(),
    events: z.array(ingestEventSchema).min(1).max(INGEST_MAX_BATCH).optional().describe(`A batch of up to ${INGEST_MAX_BATCH} events, appended in order`),
  })
  .superRefine((body, ctx) => {
    if ((body.data === undefined) === (body.events === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'send either data (one event) or events (a batch)' });
    }
    if (body.events !== undefined && body.type !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: 'a batch sets type on each of its events' });
    }
  });
export type IngestBody = z.infer<typeof ingestBodySchema>;

/** The events of a body, in order. */
export function ingestEventsOf(body: IngestBody): IngestEvent[] {
  if (body.events) return body.events;
  return [{ ...(body.type ? { type: body.type } : {}), data: body.data ?? {} }];
}

export const ingestParamsSchema = z.object({ topic: z.string().min(1).max(64).describe('The topic to publish to, e.g. vexy') });

/** 201: the new stream id of a single event, or the ids of a batch in order. */
export const ingestAcceptedSchema = z.union([z.strictObject({ id: z.string() }), z.strictObject({ ids: z.array(z.string()) })]);
export type IngestAccepted = z.infer<typeof ingestAcceptedSchema>;
