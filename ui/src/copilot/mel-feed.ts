import { melServerMessageSchema, WS_PATHS, type MelClientMessage, type MelServerMessage, type MelSnapshot } from '@marketswarm/shared/dto';
import { ExternalStore } from './external-store';
import { WsClient, type WsClientOptions, type WsStatus } from './ws-client';

export interface MelFeedState {
  /** The DTE this tab asked for (per connection on the server). */
  dte: number;
  /** The latest snapshot of that DTE; undefined until the first one arrives. */
  snapshot: MelSnapshot | undefined;
  status: WsStatus;
  /** The server's last refusal of something we sent. */
  error: string | undefined;
}

/**
 * What a server message does to the state. Snapshots of another DTE are dropped: after a
 * `set-dte`, updates of the old DTE may still be in flight, and the bar must not flicker back.
 */
export function applyMelMessage(state: MelFeedState, message: MelServerMessage): MelFeedState {
  switch (message.type) {
    case 'snapshot':
    case 'update':
      return message.data.dte === state.dte ? { ...state, snapshot: message.data, error: undefined } : state;
    case 'error':
      return { ...state, error: message.message };
  }
}

export type MelFeedOptions = Pick<WsClientOptions<MelServerMessage>, 'createSocket' | 'checkSession' | 'location' | 'policy' | 'random' | 'setTimer' | 'clearTimer' | 'onSignedOut'>;

/**
 * `/ws/mel` for the header: the latest snapshot of the chosen DTE, kept outside React and read
 * through useSyncExternalStore. The DTE rides in the path on every (re)connect and is sent as
 * `set-dte` on the open socket, so it is this connection's alone.
 */
export class MelFeed extends ExternalStore<MelFeedState> {
  private readonly client: WsClient<MelServerMessage, MelClientMessage>;

  constructor(dte: number, options: MelFeedOptions = {}) {
    super({ dte, snapshot: undefined, status: 'closed', error: undefined });
    this.client = new WsClient({
      ...options,
      path: () => `${WS_PATHS.mel}?dte=${this.state.dte}`,
      schema: melServerMessageSchema,
      onMessage: (message) => this.set(applyMelMessage(this.state, message)),
      onStatus: (status) => this.set({ ...this.state, status }),
    });
  }

  start(): void {
    this.client.open();
  }

  setDte(dte: number): void {
    if (dte === this.state.dte) return;
    // The old DTE's snapshot would be wrong under the new label: show nothing until the new one.
    this.set({ ...this.state, dte, snapshot: undefined, error: undefined });
    this.client.send({ type: 'set-dte', dte });
  }

  dispose(): void {
    this.client.close();
    this.forgetListeners();
  }
}
