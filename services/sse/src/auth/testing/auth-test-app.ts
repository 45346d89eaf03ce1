import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { Redis } from 'ioredis';
import { closeServer, errorHandler, notFoundHandler } from '@marketswarm/shared/http';
import { createLogger } from '@marketswarm/shared/logger';
import { createProfileRouter } from '../../profile/profile.router.js';
import { createAuthDeps, type AuthDeps, type AuthOptions } from '../auth-deps.js';
import { createAuthRouter } from '../auth.router.js';

export interface AuthTestApp {
  url: string;
  deps: AuthDeps;
  close(): Promise<void>;
}

/**
 * A real Express app on a free port with the auth and profile routers and the shared error
 * handler, as the gateway mounts them; `extend` adds routes (e.g. one behind requireRole).
 */
export async function startAuthTestApp(redis: Redis, options: Partial<AuthOptions> = {}, extend?: (app: Express, deps: AuthDeps) => void): Promise<AuthTestApp> {
  // Specs about sessions and profiles sign many accounts up from 127.0.0.1; the sign-up limit has
  // its own spec, which passes its limits explicitly.
  const limits = { signUpsPerAddress: { limit: 1000, windowSec: 3600 }, ...options.limits };
  const deps = createAuthDeps(redis, { sessionTtlSec: 3600, ...options, limits });
  const app = express();
  // As the gateway: X-Forwarded-For from a loopback proxy (nginx) names the client, so tests can play several addresses.
  app.set('trust proxy', 'loopback');
  app.use('/api/auth', createAuthRouter(deps));
  app.use('/api/profile', createProfileRouter(deps));
  extend?.(app, deps);
  app.use(notFoundHandler);
  app.use(errorHandler(createLogger('sse-test', 'silent')));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, deps, close: () => closeServer(server) };
}

/** A browser's cookie jar for one origin, enough for fetch-based tests. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Stores the response's Set-Cookie values (an expired or emptied cookie is removed). */
  take(res: Response): this {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return this;
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

/** JSON request helper: sends the jar's cookies (and optional headers) and fills the jar from the answer. */
export async function send(
  url: string,
  method: string,
  options: { jar?: CookieJar; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ res: Response; body: Record<string, unknown> | null }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.jar) headers['cookie'] = options.jar.header();
  if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    ...(options.rawBody !== undefined ? { body: options.rawBody } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  options.jar?.take(res);
  const text = await res.text();
  return { res, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
