import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createNestService } from '@marketswarm/shared/nest';
import { bootService, type ServiceContext } from '@marketswarm/shared/service';
import { createSignedInAccount, loadRepoTruth, startRedisTrio, type RedisTrio, type SignedInAccount } from '@marketswarm/shared/testing';
import { AppModule } from '../app.module.js';
import { createJournalDatabase, type JournalDatabase } from '../database/create-journal-database.js';
import { migrateJournalDatabase } from '../database/migrate-journal-database.js';

export interface JournalAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface JournalApp {
  url: string;
  ctx: ServiceContext;
  database: JournalDatabase;
  redis: RedisTrio;
  /** System Redis, where sessions live. */
  system: Redis;
  /** An account signed in as the gateway would have signed it in. */
  account(email: string): Promise<SignedInAccount>;
  /** A call as `who`, with the CSRF header on writes unless `csrf: false`; a JSON body when `body` is not FormData. */
  call<T = Record<string, unknown>>(who: SignedInAccount, method: string, route: string, body?: unknown, options?: { csrf?: boolean }): Promise<JournalAnswer<T>>;
  stop(): Promise<void>;
}

/**
 * The real journal (AppModule as main.ts registers it) on a migrated SQLite file in a temp folder,
 * its three Redis started by the harness, the repository's truth loaded: what the route specs talk to.
 */
export async function startJournalApp(): Promise<JournalApp> {
  const redis = await startRedisTrio();
  const system = redis.system.client();
  await loadRepoTruth(system);
  const ctx = await bootService({ id: 'journal', version: '0.0.0', env: { ...redis.env, LOG_LEVEL: 'silent' }, handleSignals: false });
  const dir = await mkdtemp(path.join(tmpdir(), 'ms-journal-app-'));
  const database = createJournalDatabase({ dialect: 'sqlite', file: path.join(dir, 'journal.sqlite') });
  await migrateJournalDatabase(database);
  // Shutdown runs in reverse: the app closes before the database it reads.
  ctx.onShutdown(() => database.close());
  const app: NestExpressApplication<Server> = await createNestService(ctx, AppModule.register(ctx, database));
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    url,
    ctx,
    database,
    redis,
    system,
    account: (email) => createSignedInAccount(system, email),
    call: async <T>(who: SignedInAccount, method: string, route: string, body?: unknown, options: { csrf?: boolean } = {}) => {
      const headers: Record<string, string> = { cookie: who.cookie };
      if (method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = who.csrf;
      const form = body instanceof FormData;
      if (body !== undefined && !form) headers['content-type'] = 'application/json';
      const res = await fetch(`${url}${route}`, { method, headers, ...(body !== undefined && { body: form ? body : JSON.stringify(body) }) });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        // A download (CSV, XLSX) is not JSON: its text stands in.
        parsed = text;
      }
      return { status: res.status, headers: res.headers, body: parsed as T };
    },
    stop: async () => {
      await ctx.shutdown('spec done');
      await redis.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
