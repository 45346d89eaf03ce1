import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { z } from 'zod';
import { commentaryClientMessageSchema, WS_PATHS, type CommentaryClientMessage, type CommentaryServerMessage, type UserDto } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { CopilotWebSockets } from '../ws/copilot-websockets.js';
import type { WsChannel, WsPeer } from '../ws/ws-channel.js';
import { CommentaryAudience } from './commentary-audience.js';
import { CommentaryService } from './commentary.service.js';

/** Lines a new socket gets in its `recent` message. */
export const RECENT_ON_CONNECT = 50;

/** `/ws/commentary` takes no query parameters. */
const commentaryQuerySchema = z.strictObject({});

export interface CommentarySocketState {
  userId: string;
  /** False until `init` and `recent` are sent; what arrives before is held so it cannot overtake them. */
  ready: boolean;
  held: Array<{ frame: string; message: CommentaryServerMessage }>;
  /**
   * Ids of the lines sent in `recent`. A line stored on another instance is announced after it is
   * stored, so its announcement can arrive after this socket read it in `recent`: it is not sent twice.
   */
  inRecent: ReadonlySet<string>;
}

/**
 * `/ws/commentary`: `init` (the user's config), then `recent` (newest first), then each
 * `commentary` line and `config_update` as they happen. A client's `config_update` and `trigger`
 * do what `PUT /api/commentary/config` and `POST /api/commentary/trigger` do; their answers reach
 * every socket of the user on every instance (this one included) as `config_update` and
 * `commentary`, and past their rate limits the answer is an `error` on this socket.
 */
@Injectable()
export class CommentaryChannel implements WsChannel<CommentaryClientMessage, CommentaryServerMessage, CommentarySocketState>, OnModuleInit {
  readonly path = WS_PATHS.commentary;
  readonly clientMessages = commentaryClientMessageSchema;

  constructor(
    @Inject(CommentaryService) private readonly commentary: CommentaryService,
    @Inject(CommentaryAudience) private readonly audience: CommentaryAudience,
    @Inject(CopilotWebSockets) private readonly sockets: CopilotWebSockets,
  ) {}

  onModuleInit(): void {
    this.sockets.register(this);
  }

  accept(query: URLSearchParams, user: UserDto): CommentarySocketState {
    const parsed = commentaryQuerySchema.safeParse(Object.fromEntries(query));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(query)', message: issue.message }));
      throw new DomainError('bad-request', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
    }
    return { userId: user.id, ready: false, held: [], inRecent: new Set() };
  }

  async open(peer: WsPeer<CommentaryServerMessage>, state: CommentarySocketState): Promise<void> {
    // Joined before reading, so a line published meanwhile is held rather than lost.
    this.audience.join(state.userId, peer.id, (frame, message) => {
      if (!state.ready) state.held.push({ frame, message });
      else if (!(message.type === 'commentary' && state.inRecent.has(message.item.id))) peer.sendSerialized(frame);
    });
    const [config, items] = await Promise.all([this.commentary.config(state.userId), this.commentary.recent(state.userId, RECENT_ON_CONNECT)]);
    peer.send({ type: 'init', config });
    peer.send({ type: 'recent', items });
    state.inRecent = new Set(items.map((item) => item.id));
    for (const { frame, message } of state.held.splice(0)) {
      if (message.type === 'commentary' && state.inRecent.has(message.item.id)) continue;
      peer.sendSerialized(frame);
    }
    state.ready = true;
  }

  async message(peer: WsPeer<CommentaryServerMessage>, state: CommentarySocketState, message: CommentaryClientMessage): Promise<void> {
    switch (message.type) {
      case 'config_update':
        await this.commentary.updateConfig(state.userId, message.patch);
        return;
      case 'trigger':
        await this.commentary.trigger(state.userId, message.question);
        return;
    }
  }

  close(peer: WsPeer<CommentaryServerMessage>, state: CommentarySocketState): void {
    this.audience.leave(state.userId, peer.id);
  }
}
