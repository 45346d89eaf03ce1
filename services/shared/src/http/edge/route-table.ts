import type { RouteDoc } from '../openapi/route-doc.js';
import { routeMetaOf } from './route.js';
import { policyOf, strictestPolicy, type RoutePolicy } from './route-policy.js';

/** One method on one path of an Express app, with the guards and doc in front of it. */
export interface RouteEntry {
  method: string;
  /** The full Express-style path (`/api/models/:model`). */
  path: string;
  /** The strictest policy of the guards that run before its handler; undefined: nobody decided. */
  policy: RoutePolicy | undefined;
  /** What `route()` declared about it; undefined for a route registered without it. */
  doc: RouteDoc | undefined;
}

/** The parts of Express's router internals (router 2.x) the walk reads. */
interface Layer {
  handle: unknown;
  rawPath?: unknown;
  method?: string;
  route?: { path: unknown; stack: Layer[] };
}

interface Scoped {
  prefix: string;
  policy: RoutePolicy;
}

/**
 * Every route of an Express app (or router), read from its router stack as Express will dispatch:
 * a guard counts for a route only when it was mounted before the route, on a path above it. This is
 * the truth the route-policy and OpenAPI specs check, not a list kept beside the code.
 */
export function routeTable(app: object): RouteEntry[] {
  const router = 'router' in app ? app.router : app;
  const entries: RouteEntry[] = [];
  walk(stackOf(router), '', [], entries);
  return entries;
}

function walk(stack: Layer[], prefix: string, inherited: Scoped[], out: RouteEntry[]): void {
  const scoped = [...inherited];
  for (const layer of stack) {
    if (layer.route) {
      for (const path of pathsOf(layer.route.path)) {
        const full = joinPath(prefix, path);
        const above = scoped.filter((s) => isUnder(full, s.prefix)).map((s) => s.policy);
        for (const [method, handlers] of byMethod(layer.route.stack)) {
          const meta = handlers.map(routeMetaOf).find((m) => m !== undefined);
          out.push({ method, path: full, policy: strictestPolicy([...above, ...handlers.map(policyOf)]), doc: meta?.doc });
        }
      }
      continue;
    }
    const paths = pathsOf(layer.rawPath ?? '/');
    const nested = stackOf(layer.handle, false);
    if (nested) {
      for (const path of paths) walk(nested, joinPath(prefix, path), scoped, out);
      continue;
    }
    const policy = policyOf(layer.handle);
    if (policy) for (const path of paths) scoped.push({ prefix: joinPath(prefix, path), policy });
  }
}

function stackOf(router: unknown, required: false): Layer[] | undefined;
function stackOf(router: unknown, required?: true): Layer[];
function stackOf(router: unknown, required = true): Layer[] | undefined {
  const stack = (router as { stack?: unknown } | null)?.stack;
  if (Array.isArray(stack)) return stack as Layer[];
  if (required) throw new Error('routeTable: not an Express app or router (no router stack)');
  return undefined;
}

function pathsOf(path: unknown): string[] {
  const paths = (Array.isArray(path) ? path.flat(Infinity) : [path]) as unknown[];
  return paths.map((p) => {
    // A RegExp route cannot be listed or documented: refuse it rather than skip it silently.
    if (typeof p !== 'string') throw new Error(`routeTable: route path ${String(p)} is not a string (router 2.3+ keeps rawPath)`);
    return p;
  });
}

/** The handlers of a route by method, in order; `.all()` handlers count for every method. */
function byMethod(stack: Layer[]): Map<string, unknown[]> {
  const methods = new Map<string, unknown[]>();
  for (const layer of stack) if (layer.method) methods.set(layer.method.toUpperCase(), []);
  for (const layer of stack) {
    for (const [method, handlers] of methods) if (!layer.method || layer.method.toUpperCase() === method) handlers.push(layer.handle);
  }
  return methods;
}

function joinPath(prefix: string, path: string): string {
  const joined = `${prefix}/${path}`.replace(/\/{2,}/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function isUnder(path: string, prefix: string): boolean {
  return prefix === '/' || path === prefix || path.startsWith(`${prefix}/`);
}
