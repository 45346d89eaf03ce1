import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { melClientMessageSchema, melQuerySchema, WS_PATHS, type MelClientMessage, type MelServerMessage, type MelSnapshot } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { CopilotWebSockets } from '../ws/copilot-websockets.js';
import type { WsChannel, WsPeer } from '../ws/ws-channel.js';
import { MelService } from './mel.service.js';

/** One socket's own DTE (never shared: the last client's choice must not apply to everybody) and its watch on it. */
export interface MelSocketState {
  dte: number;
  release?: () => void;
}

/**
 * `/ws/mel?dte=`: the snapshot of the socket's DTE on connect and after each `set-dte`, then an
 * `update` on each recomputation of that DTE. Each update is serialised once and the same frame
 * is sent to every socket on its DTE.
 */
@Injectable()
export class MelChannel implements WsChannel<MelClientMessage, MelServerMessage, MelSocketState>, OnModuleInit, OnModuleDestroy {
  readonly path = WS_PATHS.mel;
  readonly clientMessages = melClientMessageSchema;
  private readonly byDte = new Map<number, Set<WsPeer<MelServerMessage>>>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(MelService) private readonly mel: MelService,
    @Inject(CopilotWebSockets) private readonly sockets: CopilotWebSockets,
  ) {}

  onModuleInit(): void {
    this.sockets.register(this);
    this.unsubscribe = this.mel.onUpdate((snapshot) => this.broadcast(snapshot));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  accept(query: URLSearchParams): MelSocketState {
    const parsed = melQuerySchema.safeParse(Object.fromEntries(query));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(query)', message: issue.message }));
      throw new DomainError('bad-request', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
    }
    return { dte: parsed.data.dte };
  }

  async open(peer: WsPeer<MelServerMessage>, state: MelSocketState): Promise<void> {
    await this.follow(peer, state, state.dte);
  }

  async message(peer: WsPeer<MelServerMessage>, state: MelSocketState, message: MelClientMessage): Promise<void> {
    // The discriminated union has one member today; the switch keeps a new one from passing unhandled.
    switch (message.type) {
      case 'set-dte':
        this.leave(peer, state);
        await this.follow(peer, state, message.dte);
        return;
    }
  }

  close(peer: WsPeer<MelServerMessage>, state: MelSocketState): void {
    this.leave(peer, state);
  }

  /** Peers on each DTE (for metrics and specs). */
  peersOn(dte: number): number {
    return this.byDte.get(dte)?.size ?? 0;
  }

  /** Snapshot first, then updates: the socket joins its DTE's fan-out only once the snapshot is queued. */
  private async follow(peer: WsPeer<MelServerMessage>, state: MelSocketState, dte: number): Promise<void> {
    const release = this.mel.watch(dte);
    state.dte = dte;
    state.release = release;
    const snapshot = await this.mel.snapshot(dte);
    // The socket closed while the snapshot was computed: close() already released this watch.
    if (state.release !== release) return;
    peer.send({ type: 'snapshot', data: snapshot });
    let peers = this.byDte.get(dte);
    if (!peers) this.byDte.set(dte, (peers = new Set()));
    peers.add(peer);
  }

  private leave(peer: WsPeer<MelServerMessage>, state: MelSocketState): void {
    state.release?.();
    delete state.release;
    const peers = this.byDte.get(state.dte);
    peers?.delete(peer);
    if (peers?.size === 0) this.byDte.delete(state.dte);
  }

  private broadcast(snapshot: MelSnapshot): void {
    const peers = this.byDte.get(snapshot.dte);
    if (!peers || peers.size === 0) return;
    const frame = JSON.stringify({ type: 'update', data: snapshot } satisfies MelServerMessage);
    for (const peer of [...peers]) peer.sendSerialized(frame);
  }
}
