declare global {
  interface Window {
    /** Requests the boot script started (early-fetch.ts), by URL. */
    __msEarlyResponses?: Map<string, Promise<Response>>;
  }
}

/** The boot script's response for exactly this URL, once: a later read of the same URL fetches anew. */
export function takeEarlyResponse(url: string): Promise<Response> | undefined {
  if (typeof window === 'undefined') return undefined;
  const early = window.__msEarlyResponses?.get(url);
  window.__msEarlyResponses?.delete(url);
  return early;
}
