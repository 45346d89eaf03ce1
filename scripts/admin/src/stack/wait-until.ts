/** Polls `check` until it returns a value (not undefined) or the deadline passes; the last reason is reported. */
export async function waitUntil<T>(what: string, timeoutMs: number, check: () => Promise<T | string>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: string;
  for (;;) {
    const result = await check().catch((error: unknown) => (error as Error).message);
    if (typeof result !== 'string') return result;
    last = result;
    if (Date.now() > deadline) throw new Error(`${what}: gave up after ${Math.round(timeoutMs / 1000)}s (${last})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
