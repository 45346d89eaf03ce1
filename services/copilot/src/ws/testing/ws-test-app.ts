import type { Server } from 'node:http';
import { Global, Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Redis } from 'ioredis';
import { WebSocket, type ClientOptions } from 'ws';
import { createNestService, ServiceContextModule } from '@marketswarm/shared/nest';
import { bootService, type ServiceContext } from '@marketswarm/shared/service';
import { createSignedInAccount, loadRepoTruth, startRedisTrio, type RedisTrio, type SignedInAccount } from '@marketswarm/shared/testing';
import type { CopilotSettings } from '@marketswarm/shared/truth';
import { CopilotWebSockets, WS_CLOCK, type WsClock } from '../copilot-websockets.js';
import type { WsChannel } from '../ws-channel.js';
import { ClientInbox } from './client-inbox.js';
import { WsModule } from '../ws.module.js';

const TEST_CHANNELS = Symbol('TEST_CHANNELS');

/** Registers the spec's channel the way a channel module does, from onModuleInit. */
@Module({})
class TestChannelsModule implements OnModuleInit {
  constructor(
    @Inject(CopilotWebSockets) private readonly sockets: CopilotWebSockets,
    @Inject(TEST_CHANNELS) private readonly register: (sockets: CopilotWebSockets) => void,
  ) {}

  static with<In, Out, State>(channel: WsChannel<In, Out, State>): DynamicModule {
    const register = (sockets: CopilotWebSockets): void => sockets.register(channel);
    return { module: TestChannelsModule, providers: [{ provide: TEST_CHANNELS, useValue: register }] };
  }

  onModuleInit(): void {
    this.register(this.sockets);
  }
}

@Module({})
class WsTestRoot {}

/** The spec's clock for the server's message allowance. */
@Global()
@Module({})
class WsClockModule {
  static with(clock: WsClock): DynamicModule {
    return { module: WsClockModule, providers: [{ provide: WS_CLOCK, useValue: clock }], exports: [WS_CLOCK] };
  }
}

/** How an upgrade ended for a client: an open socket, or the HTTP answer that refused it. */
export type UpgradeOutcome = { kind: 'open'; socket: WebSocket; inbox: ClientInbox; headers: Record<string, string | string[] | undefined> } | { kind: 'refused'; status: number; headers: Record<string, string | string[] | undefined>; body: Record<string, unknown> };

export interface WsTestApp {
  ctx: ServiceContext;
  /** `ws://127.0.0.1:<port>` */
  wsBase: string;
  port: number;
  system: Redis;
  account(email: string): Promise<SignedInAccount>;
  /** Opens `path` with a real `ws` client and reports how the handshake ended. */
  connect(path: string, options?: ClientOptions): Promise<UpgradeOutcome>;
  /** A counter or gauge value of the service registry for the given labels. */
  metric(name: string, labels: Record<string, string>): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The copilot's WebSocket server on a real Nest HTTP server (port 0) with the spec's channel, its
 * three Redis started by the harness and the repository's truth loaded with `ws` settings patched.
 */
export async function startWsTestApp<In, Out, State>(options: { ws: Partial<CopilotSettings['ws']>; channel: WsChannel<In, Out, State>; clock?: WsClock }): Promise<WsTestApp> {
  const redis: RedisTrio = await startRedisTrio();
  const system = redis.system.client();
  await loadRepoTruth(system, { patch: (truth) => void Object.assign(truth.components['copilot']!.settings, { ws: options.ws }) });
  const ctx = await bootService({ id: 'copilot', version: '0.0.0', env: { ...redis.env, LOG_LEVEL: process.env['SPEC_LOG_LEVEL'] ?? 'silent' }, handleSignals: false });
  const root: DynamicModule = { module: WsTestRoot, imports: [ServiceContextModule.forRoot(ctx), ...(options.clock ? [WsClockModule.with(options.clock)] : []), WsModule, TestChannelsModule.with(options.channel)] };
  const app: NestExpressApplication<Server> = await createNestService(ctx, root);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const sockets: WebSocket[] = [];
  return {
    ctx,
    port,
    wsBase: `ws://127.0.0.1:${port}`,
    system,
    account: (email) => createSignedInAccount(system, email),
    connect: (path, clientOptions = {}) =>
      new Promise<UpgradeOutcome>((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, clientOptions);
        sockets.push(socket);
        const inbox = new ClientInbox(socket);
        let headers: Record<string, string | string[] | undefined> = {};
        socket.once('upgrade', (res) => (headers = res.headers));
        socket.once('open', () => resolve({ kind: 'open', socket, inbox, headers }));
        socket.once('unexpected-response', (_req, res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ kind: 'refused', status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) as Record<string, unknown> }));
        });
        socket.once('error', reject);
      }),
    metric: async (name, labels) => {
      const metric = ctx.metrics.getSingleMetric(name);
      if (!metric) return 0;
      const { values } = await metric.get();
      const match = values.find((v) => Object.entries(labels).every(([key, value]) => v.labels[key] === value));
      return match?.value ?? 0;
    },
    stop: async () => {
      for (const socket of sockets) socket.terminate();
      await ctx.shutdown('spec done');
      await redis.stop();
    },
  };
}
