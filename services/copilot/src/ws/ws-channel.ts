import type { z } from 'zod';
import type { UserDto } from '@marketswarm/shared/dto';

/** One open socket as a channel sees it: who is on it, and a bounded way to talk to them. */
export interface WsPeer<Out> {
  readonly id: string; // unique per connection
  readonly user: UserDto;
  /** JSON-serialises and queues; false (and the socket is closed 4008 slow-consumer) when the send buffer is over the limit. */
  send(message: Out): boolean;
  /** The same with a frame already serialised once for many peers (fan-out). */
  sendSerialized(frame: string): boolean;
  close(close: { code: number; reason: string }): void;
}

/**
 * A WebSocket endpoint (`/ws/mel`, `/ws/commentary`) plugged into `CopilotWebSockets`. The server
 * does the handshake checks (path, session, Origin), liveness, size and send limits; a channel only
 * builds its per-connection state and speaks its typed message map. Calls for one peer never
 * overlap: `open` finishes before the first `message` runs, and messages run in arrival order.
 */
export interface WsChannel<In, Out, State> {
  readonly path: string; // e.g. '/ws/mel' (WS_PATHS in @marketswarm/shared/dto)
  readonly clientMessages: z.ZodType<In>; // e.g. melClientMessageSchema
  /** Before the upgrade: validate the query and build per-connection state. Throw DomainError('bad-request', msg, { issues }) → HTTP 400 JSON answered on the raw socket, no upgrade. */
  accept(query: URLSearchParams, user: UserDto): State;
  open(peer: WsPeer<Out>, state: State): void | Promise<void>;
  message(peer: WsPeer<Out>, state: State, message: In): void | Promise<void>;
  close(peer: WsPeer<Out>, state: State): void;
}
