import type { Server } from 'node:http';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { commentaryServerMessageSchema, type CommentaryServerMessage } from '@marketswarm/shared/dto';
import { createNestService, NestEdgeModule, ServiceContextModule, sessionCheckOptionsOf } from '@marketswarm/shared/nest';
import { bootService, type ServiceContext } from '@marketswarm/shared/service';
import { createSignedInAccount, loadRepoTruth, startRedisTrio, type RedisTrio, type SignedInAccount } from '@marketswarm/shared/testing';
import { copilotSettings, type CopilotSettings } from '@marketswarm/shared/truth';
import { FiredAlerts } from '../alerts/fired-alerts.js';
import { BookModule } from '../book/book.module.js';
import { MarketModule } from '../market/market.module.js';
import { MelService } from '../mel/mel.service.js';
import { WsModule } from '../ws/ws.module.js';
import { CommentaryModule } from './commentary.module.js';

/** The in-process fired-alert notice, global as AppModule provides it. */
@Global()
@Module({})
class FiredAlertsTestModule {
  static with(fired: FiredAlerts): DynamicModule {
    return { module: FiredAlertsTestModule, providers: [{ provide: FiredAlerts, useValue: fired }], exports: [FiredAlerts] };
  }
}

@Module({})
class CommentaryTestRoot {}

export interface CommentaryAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** A `ws` client on `/ws/commentary` that keeps every parsed message, with a wait for the next ones. */
export interface CommentarySocket {
  socket: WebSocket;
  messages: CommentaryServerMessage[];
  /** Resolves with the first message (from the start) of `type` after `after` earlier ones of that type. */
  next<T extends CommentaryServerMessage['type']>(type: T, after?: number): Promise<Extract<CommentaryServerMessage, { type: T }>>;
  send(message: unknown): void;
}

export interface CommentaryApp {
  url: string;
  ctx: ServiceContext;
  system: Redis;
  market: Redis;
  fired: FiredAlerts;
  /** The app's MEL: `recompute()` runs a cycle now, which is a commentary tick. */
  mel: MelService;
  account(email: string): Promise<SignedInAccount>;
  call<T = Record<string, unknown>>(who: SignedInAccount | null, method: string, route: string, body?: unknown, options?: { csrf?: boolean }): Promise<CommentaryAnswer<T>>;
  connect(who: SignedInAccount): Promise<CommentarySocket>;
  stop(): Promise<void>;
}

/**
 * The commentary module on the shared edge as AppModule composes it (session guard, CSRF, body
 * parsing), with the global market reader, book reader, WebSocket server and a FiredAlerts the spec
 * can emit on; its three Redis started by the harness and the repository's truth loaded. Given a
 * `redis` trio, the app is one more copilot instance on it (the caller stops the trio).
 */
export async function startCommentaryApp(settings: Partial<CopilotSettings> = {}, secrets: Record<string, string> = {}, shared?: RedisTrio): Promise<CommentaryApp> {
  const redis: RedisTrio = shared ?? (await startRedisTrio());
  const system = redis.system.client();
  await loadRepoTruth(system, { secrets: { copilot: secrets }, patch: (truth) => void Object.assign(truth.components['copilot']!.settings, settings) });
  const ctx = await bootService({ id: 'copilot', version: '0.0.0', env: { ...redis.env, LOG_LEVEL: 'silent' }, handleSignals: false });
  const fired = new FiredAlerts();
  const root: DynamicModule = {
    module: CommentaryTestRoot,
    imports: [
      ServiceContextModule.forRoot(ctx),
      NestEdgeModule.forRoot({ session: sessionCheckOptionsOf(ctx, copilotSettings), openApi: { path: 'mel/openapi.json', info: { title: 'commentary spec', version: '0' } } }),
      MarketModule,
      BookModule,
      WsModule,
      FiredAlertsTestModule.with(fired),
      CommentaryModule,
    ],
  };
  const app: NestExpressApplication<Server> = await createNestService(ctx, root);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const sockets: WebSocket[] = [];
  return {
    url,
    ctx,
    system,
    market: redis.market.client(),
    fired,
    mel: app.get(MelService),
    account: (email) => createSignedInAccount(system, email),
    call: async <T>(who: SignedInAccount | null, method: string, route: string, body?: unknown, options: { csrf?: boolean } = {}) => {
      const headers: Record<string, string> = {};
      if (who) headers['cookie'] = who.cookie;
      if (who && method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = who.csrf;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${url}${route}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
    },
    connect: (who) =>
      new Promise<CommentarySocket>((resolve, reject) => {
        const socket = new WebSocket(`${url.replace('http', 'ws')}/ws/commentary`, { headers: { cookie: who.cookie } });
        sockets.push(socket);
        const messages: CommentaryServerMessage[] = [];
        const waiters = new Set<() => void>();
        socket.on('message', (data: Buffer) => {
          messages.push(commentaryServerMessageSchema.parse(JSON.parse(data.toString('utf8'))));
          for (const wake of [...waiters]) wake();
        });
        socket.once('open', () =>
          resolve({
            socket,
            messages,
            send: (message) => socket.send(JSON.stringify(message)),
            next: <T extends CommentaryServerMessage['type']>(type: T, after = 0) =>
              new Promise<Extract<CommentaryServerMessage, { type: T }>>((found) => {
                const check = (): void => {
                  const match = messages.filter((m) => m.type === type)[after];
                  if (match === undefined) return;
                  waiters.delete(check);
                  found(match as Extract<CommentaryServerMessage, { type: T }>);
                };
                waiters.add(check);
                check();
              }),
          }),
        );
        socket.once('error', reject);
      }),
    stop: async () => {
      for (const socket of sockets) socket.terminate();
      await ctx.shutdown('spec done');
      if (!shared) await redis.stop();
    },
  };
}
