import { z } from 'zod';
import type { UserDto } from '@marketswarm/shared/dto';
import { DomainError, zodIssues } from '@marketswarm/shared/http';
import type { WsChannel, WsPeer } from '../ws-channel.js';

export const PROBE_PATH = '/ws/probe';

const probeQuerySchema = z.object({ label: z.string().regex(/^[a-z]+$/, 'must be lower-case letters') });

export const probeClientMessageSchema = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('echo'), text: z.string().max(100) })], { error: 'must be a message of type "echo"' });
export type ProbeClientMessage = z.infer<typeof probeClientMessageSchema>;

export type ProbeServerMessage =
  | { type: 'hello'; label: string; userId: string }
  | { type: 'echo'; label: string; text: string; count: number }
  | { type: 'tick'; pad: string }
  | { type: 'error'; message: string; path?: string };

/** Per connection: the `label` its query chose and how many messages it has sent. */
export interface ProbeState {
  label: string;
  received: number;
}

/**
 * A minimal channel for the WebSocket server's specs (it is not under test): greets with the
 * connection's label, echoes with it and a per-connection count, and can fan a frame out to all.
 */
export class ProbeChannel implements WsChannel<ProbeClientMessage, ProbeServerMessage, ProbeState> {
  readonly path = PROBE_PATH;
  readonly clientMessages = probeClientMessageSchema;
  readonly peers = new Set<WsPeer<ProbeServerMessage>>();
  opened = 0;
  closed = 0;

  accept(query: URLSearchParams, _user: UserDto): ProbeState {
    const parsed = probeQuerySchema.safeParse(Object.fromEntries(query));
    if (!parsed.success) throw new DomainError('bad-request', 'invalid query', { issues: zodIssues(parsed.error) });
    return { label: parsed.data.label, received: 0 };
  }

  open(peer: WsPeer<ProbeServerMessage>, state: ProbeState): void {
    this.opened++;
    this.peers.add(peer);
    peer.send({ type: 'hello', label: state.label, userId: peer.user.id });
  }

  message(peer: WsPeer<ProbeServerMessage>, state: ProbeState, message: ProbeClientMessage): void {
    state.received++;
    peer.send({ type: 'echo', label: state.label, text: message.text, count: state.received });
  }

  close(peer: WsPeer<ProbeServerMessage>): void {
    this.closed++;
    this.peers.delete(peer);
  }

  /** One frame serialised once for every open peer. */
  broadcast(message: ProbeServerMessage): void {
    const frame = JSON.stringify(message);
    for (const peer of this.peers) peer.sendSerialized(frame);
  }
}
