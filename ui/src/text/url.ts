/**
 * The http(s) form of a producer-supplied URL, or undefined for anything else (`javascript:`,
 * `data:`, `vbscript:`, relative paths, garbage). The WHATWG parser strips the tabs, newlines and
 * control characters browsers ignore, so `java\tscript:` cannot sneak past the scheme check.
 */
export function safeHttpUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text === '' || text.length > 4096) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === '') return undefined;
  return url.href;
}

export function isHttpUrl(raw: unknown): boolean {
  return safeHttpUrl(raw) !== undefined;
}
