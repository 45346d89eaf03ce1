/** `GET <url>` answered 2xx within `timeoutMs`; any error, timeout or other status is a failure. */
export async function httpProbe(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}
