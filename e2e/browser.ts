import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CSRF_COOKIE, CSRF_HEADER } from '@marketswarm/shared/dto';
import { chromiumLaunchOptions, type TestStack } from '@marketswarm/shared/testing';

/** Screenshots and other run output (git-ignored, see e2e/.gitignore). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('./artifacts/', import.meta.url));

/**
 * Debian's Chromium, headless. `http1` adds `--disable-http2`: the stack's nginx then serves
 * HTTP/1.1 over TLS and the page must fall back to the single multiplexed stream.
 */
export function launchChromium(options: { http1?: boolean } = {}): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(options));
}

/** A context for the stack's self-signed certificate, with relative URLs resolved against nginx. */
export function newStackContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, ignoreHTTPSErrors: true, viewport: { width: 1440, height: 900 } });
}

let accounts = 0;
/** A fresh, unique account for one test. */
export function freshAccount(prefix: string): { email: string; password: string } {
  accounts += 1;
  return { email: `${prefix}-${process.pid}-${Date.now().toString(36)}-${accounts}@e2e.test`, password: `pw-${Math.random().toString(36).slice(2)}-long` };
}

/**
 * Creates the account in the stack (as `./admin user add` does) and signs in over the API from
 * inside the context, so the session cookie lands in it. Sign-ups are limited per address, and
 * every test browser comes from 127.0.0.1; the sign-up form has its own test.
 */
export async function signInFreshAccount(stack: Pick<TestStack, 'createAccount'>, context: BrowserContext, account: { email: string; password: string }): Promise<void> {
  await stack.createAccount(account);
  const res = await context.request.post('/api/auth/login', { data: account });
  if (!res.ok()) throw new Error(`sign in ${account.email}: ${res.status()} ${await res.text()}`);
}

/** The signed-in user's id, as the page's own session sees it. */
export async function userIdOf(page: Page): Promise<string> {
  const body = await page.evaluate(async () => {
    const res = await fetch('/api/auth/me', { credentials: 'include' });
    return (await res.json()) as { user?: { id?: string } };
  });
  if (!body.user?.id) throw new Error(`no user id in /api/auth/me: ${JSON.stringify(body)}`);
  return body.user.id;
}

/** Times a REST call from inside the page, with its own clock (performance.now()). */
export function timedFetch(page: Page, url: string, timeoutMs = 5000): Promise<{ ms: number; status: number }> {
  return page.evaluate(
    async ({ url, timeoutMs }) => {
      const started = performance.now();
      const res = await fetch(url, { credentials: 'include', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) } as RequestInit);
      await res.text();
      return { ms: performance.now() - started, status: res.status };
    },
    { url, timeoutMs },
  );
}

/** The protocol the document itself was fetched over (`h2`, `http/1.1`). */
export function navigationProtocol(page: Page): Promise<string> {
  return page.evaluate<string>("performance.getEntriesByType('navigation')[0]?.nextHopProtocol ?? ''");
}

/** One attribute of every element the locator matches, read in a single round trip (absent → ''). */
export function attributeOfAll(locator: Locator, name: string): Promise<string[]> {
  // A real function: Playwright only calls functions, a string is evaluated as an expression.
  return locator.evaluateAll((els: readonly { getAttribute(n: string): string | null }[], attr: string) => els.map((el) => el.getAttribute(attr) ?? ''), name);
}

/** What Chromium logs when the page's CSP refuses something, or its Permissions-Policy names an unknown feature. */
const POLICY_COMPLAINT = /Content Security Policy|Permissions-Policy/i;
/**
 * Not a fault of the page: Chromium reports an inline handler (`onerror=`) as refused as soon as
 * the sanitizer's inert DOMParser document meets one in hostile intel HTML, which every page showing
 * the intel feed after the XSS test receives. The SPA itself never uses inline handlers.
 */
const SANITIZED_HANDLER = /Executing inline event handler violates .*'script-src-attr 'none''/;

/**
 * Appends every uncaught error of the page to `into`, with the page's URL, and every complaint
 * about its security policies: a CSP violation throws nothing, Chromium only logs it.
 */
export function recordPageErrors(page: Page, into: string[]): void {
  page.on('pageerror', (error) => into.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (POLICY_COMPLAINT.test(text) && !SANITIZED_HANDLER.test(text)) into.push(`${page.url()}: console ${message.type()}: ${text}`);
  });
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Polls `probe` every `everyMs` until it answers something other than undefined. */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface PageAnswer<T> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

/** A request from inside the page, with its session and (for a change) the CSRF header the SPA sends. */
export async function api<T>(page: Page, route: string, method = 'GET', body?: unknown, extraHeaders: Record<string, string> = {}): Promise<PageAnswer<T>> {
  return page.evaluate(
    async ({ route, method, body, extraHeaders, csrfCookie, csrfHeader }) => {
      // No DOM types in the specs' compilation: the page's document, as the page has it.
      const { cookie } = (globalThis as unknown as { document: { cookie: string } }).document;
      const csrf = cookie
        .split('; ')
        .find((c) => c.startsWith(`${csrfCookie}=`))
        ?.slice(csrfCookie.length + 1);
      const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
      if (method !== 'GET' && csrf) headers[csrfHeader] = decodeURIComponent(csrf);
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await fetch(route, { method, credentials: 'include', headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON (a download): the text itself.
      }
      return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: parsed as never };
    },
    { route, method, body, extraHeaders, csrfCookie: CSRF_COOKIE, csrfHeader: CSRF_HEADER },
  );
}
