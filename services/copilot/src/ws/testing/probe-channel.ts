import { z } from 'zod';
import type { UserDto } from '@marketswarm/shared/dto';
import { DomainError, zodIssues } from '@marketswarm/shared/http';
import type { WsChannel, WsPeer } from '../ws-channel.js';

export const PROBE_PATH = '/ws/probe';

const probeQuerySchema = z.object({ label: z.string().regex(/^[a-z]+$/, 'must be lower-case letters') });

export const probeClientMessageSchema = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('echo'), text: z.string().max(100) }), z.strictObject({ type: z.literal('hold') })], {
  error: 'must be a message of type "echo" or "hold"',
});
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
  /** `hold` messages that have started, and the gate they wait on until `releaseHolds`. */
  holdsStarted = 0;
  private gate = closedGate();

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

  async message(peer: WsPeer<ProbeServerMessage>, state: ProbeState, message: ProbeClientMessage): Promise<void> {
    state.received++;
    switch (message.type) {
      case 'echo':
        peer.send({ type: 'echo', label: state.label, text: message.text, count: state.received });
        return;
      case 'hold':
        // A slow handler (a provider call, say): the peer's later messages queue behind it.
        this.holdsStarted++;
        await this.gate.promise;
        peer.send({ type: 'echo', label: state.label, text: 'held', count: state.received });
        return;
    }
  }

  /** Lets every waiting `hold` finish. */
  releaseHolds(): void {
    this.gate.open();
    this.gate = closedGate();
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

function closedGate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
