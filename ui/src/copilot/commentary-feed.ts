import {
  commentaryServerMessageSchema,
  WS_PATHS,
  type CommentaryClientMessage,
  type CommentaryConfigDto,
  type CommentaryConfigPatch,
  type CommentaryDto,
  type CommentaryServerMessage,
} from '@marketswarm/shared/dto';
import { putCommentaryConfig, triggerCommentary } from './commentary-api';
import { ExternalStore } from './external-store';
import { WsClient, type WsClientOptions, type WsStatus } from './ws-client';

/** How many items the tab keeps (the server's recent list is at most this long too). */
export const COMMENTARY_KEEP = 100;

export interface CommentaryFeedState {
  /** The user's config; undefined until `init`. */
  config: CommentaryConfigDto | undefined;
  /** Newest first, each id once. */
  items: readonly CommentaryDto[];
  status: WsStatus;
  /** The server's last refusal of something we sent. */
  error: string | undefined;
}

export const EMPTY_COMMENTARY: CommentaryFeedState = { config: undefined, items: [], status: 'closed', error: undefined };

/**
 * Merges items into a newest-first list, each id once (the `recent` of a reconnect repeats what the
 * tab already shows), bounded to `keep`.
 */
export function mergeCommentary(current: readonly CommentaryDto[], incoming: readonly CommentaryDto[], keep = COMMENTARY_KEEP): CommentaryDto[] {
  const byId = new Map<string, CommentaryDto>();
  for (const item of [...incoming, ...current]) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => b.ts - a.ts).slice(0, keep);
}

/** What a server message does to the state. */
export function applyCommentaryMessage(state: CommentaryFeedState, message: CommentaryServerMessage): CommentaryFeedState {
  switch (message.type) {
    case 'init':
    case 'config_update':
      return { ...state, config: message.config, error: undefined };
    case 'recent':
      return { ...state, items: mergeCommentary(state.items, message.items) };
    case 'commentary':
      return { ...state, items: mergeCommentary(state.items, [message.item]) };
    case 'error':
      return { ...state, error: message.message };
  }
}

export type CommentaryFeedOptions = Pick<WsClientOptions<CommentaryServerMessage>, 'createSocket' | 'checkSession' | 'location' | 'policy' | 'random' | 'setTimer' | 'clearTimer' | 'onSignedOut'> & {
  /** The REST fallbacks when the socket is not open (specs replace them). */
  rest?: { putConfig: typeof putCommentaryConfig; trigger: typeof triggerCommentary };
};

/**
 * `/ws/commentary` for the Copilot tab: `recent` first, then live items, newest first. Config
 * changes and questions go over the socket when it is open, else over REST (the item still arrives
 * on the socket once it is back).
 */
export class CommentaryFeed extends ExternalStore<CommentaryFeedState> {
  private readonly client: WsClient<CommentaryServerMessage, CommentaryClientMessage>;
  private readonly rest: NonNullable<CommentaryFeedOptions['rest']>;

  constructor(options: CommentaryFeedOptions = {}) {
    super(EMPTY_COMMENTARY);
    const { rest, ...socket } = options;
    this.rest = rest ?? { putConfig: putCommentaryConfig, trigger: triggerCommentary };
    this.client = new WsClient({
      ...socket,
      path: () => WS_PATHS.commentary,
      schema: commentaryServerMessageSchema,
      onMessage: (message) => this.set(applyCommentaryMessage(this.state, message)),
      onStatus: (status) => this.set({ ...this.state, status }),
    });
  }

  start(): void {
    this.client.open();
  }

  /** Asks for commentary now, on `question` when given. */
  async trigger(question: string | undefined): Promise<void> {
    const body = question === undefined ? {} : { question };
    if (this.client.send({ type: 'trigger', ...body })) return;
    await this.rest.trigger(body);
  }

  async updateConfig(patch: CommentaryConfigPatch): Promise<void> {
    this.set({ ...this.state, error: undefined });
    if (this.client.send({ type: 'config_update', patch })) return;
    const config = await this.rest.putConfig(patch);
    this.set({ ...this.state, config });
  }

  dispose(): void {
    this.client.close();
    this.forgetListeners();
  }
}
