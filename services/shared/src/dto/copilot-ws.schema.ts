import { z } from 'zod';
import { commentaryConfigPatchSchema, commentaryConfigSchema, commentarySchema, commentaryTriggerBodySchema } from './copilot-commentary.schema.js';
import { melDteSchema, melSnapshotSchema } from './copilot-mel.schema.js';

/**
 * The copilot's WebSockets (`/ws/mel`, `/ws/commentary`): one typed message map per socket, in
 * both directions, shared by the service and the SPA. Every message is one JSON text frame
 * `{ "type": …, … }`. A client message that does not parse closes nothing: it is answered with an
 * `error` message naming the field, and the socket stays open.
 */

export const WS_PATHS = { mel: '/ws/mel', commentary: '/ws/commentary' } as const;

/**
 * Close codes (RFC 6455 ones, and 4xxx of our own) with a stable reason string each, except 1009:
 * the `ws` library closes that one itself, before the server hears of it, and sends no reason.
 */
export const WS_CLOSE = {
  /** The server is shutting down: reconnect with backoff. */
  goingAway: { code: 1001, reason: 'going-away' },
  /** A message over the size limit. Closed by `ws` itself, which sends no reason: the code says it all. */
  tooBig: { code: 1009, reason: '' },
  /**
   * Policy violation: the client sent messages faster than its allowance (a rate with a burst) or
   * had too many waiting to be handled. Reconnect, and send less.
   */
  tooManyMessages: { code: 1008, reason: 'too-many-messages' },
  /** The session ended (logout or expiry) while the socket was open: sign in again. */
  sessionEnded: { code: 4001, reason: 'session-ended' },
  /** The client could not keep up: its send buffer went over the limit. Reconnect; a snapshot follows. */
  slowConsumer: { code: 4008, reason: 'slow-consumer' },
} as const;
/** A socket that misses a ping is terminated without a close frame (the peer is gone); the client sees 1006. */
export const WS_PING_TIMEOUT_CLOSE_CODE = 1006;

// --- /ws/mel ---
export const melServerMessageSchema = z.discriminatedUnion('type', [
  /** On connect and after each `set-dte`: the current snapshot of the socket's DTE. */
  z.object({ type: z.literal('snapshot'), data: melSnapshotSchema }),
  /** Each recomputation of the socket's DTE. */
  z.object({ type: z.literal('update'), data: melSnapshotSchema }),
  z.object({ type: z.literal('error'), message: z.string(), path: z.string().optional() }),
]);
export type MelServerMessage = z.infer<typeof melServerMessageSchema>;

export const melClientMessageSchema = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('set-dte'), dte: melDteSchema })], { error: 'must be a message of type "set-dte"' });
export type MelClientMessage = z.infer<typeof melClientMessageSchema>;

// --- /ws/commentary ---
export const commentaryServerMessageSchema = z.discriminatedUnion('type', [
  /** First message: the user's config. */
  z.object({ type: z.literal('init'), config: commentaryConfigSchema }),
  /** Second message: the user's recent commentary, newest first. */
  z.object({ type: z.literal('recent'), items: z.array(commentarySchema) }),
  z.object({ type: z.literal('commentary'), item: commentarySchema }),
  /** The config changed (on this socket, another tab or `PUT /api/commentary/config`). */
  z.object({ type: z.literal('config_update'), config: commentaryConfigSchema }),
  z.object({ type: z.literal('error'), message: z.string(), path: z.string().optional() }),
]);
export type CommentaryServerMessage = z.infer<typeof commentaryServerMessageSchema>;

export const commentaryClientMessageSchema = z.discriminatedUnion(
  'type',
  [z.strictObject({ type: z.literal('config_update'), patch: commentaryConfigPatchSchema }), z.strictObject({ type: z.literal('trigger'), ...commentaryTriggerBodySchema.shape })],
  { error: 'must be a message of type "config_update" or "trigger"' },
);
export type CommentaryClientMessage = z.infer<typeof commentaryClientMessageSchema>;
