import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** What the last successful fetch of a feed returned, sent back to ask "changed since?". */
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
  /** file:// feeds: `mtimeMs:size` of the file. */
  fileStamp?: string;
}

export type FetchResult = { kind: 'not-modified' } | { kind: 'fetched'; body: string; validators: FeedValidators };

export class FeedFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

export const MAX_FEED_BYTES = 5 * 1024 * 1024;

/** `file://rel/path` resolves against `root`; `file:///abs/path` is absolute. */
export function feedFilePath(url: string, root: string): string {
  const rest = decodeURIComponent(url.slice('file://'.length));
  return path.isAbsolute(rest) ? rest : path.resolve(root, rest);
}

async function fetchFile(url: string, previous: FeedValidators, root: string): Promise<FetchResult> {
  const file = feedFilePath(url, root);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new FeedFetchError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  if (info.size > MAX_FEED_BYTES) throw new FeedFetchError(`${file} is larger than ${MAX_FEED_BYTES} bytes`);
  const fileStamp = `${info.mtimeMs}:${info.size}`;
  if (previous.fileStamp === fileStamp) return { kind: 'not-modified' };
  return { kind: 'fetched', body: await readFile(file, 'utf8'), validators: { fileStamp } };
}

async function fetchHttp(url: string, previous: FeedValidators, timeoutMs: number): Promise<FetchResult> {
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'user-agent': 'MarketSwarm-intel/0.1',
  };
  if (previous.etag) headers['if-none-match'] = previous.etag;
  if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
  let res: Response;
  let body: string;
  try {
    res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    if (res.status === 304) return { kind: 'not-modified' };
    if (!res.ok) {
      await res.body?.cancel();
      throw new FeedFetchError(`HTTP ${res.status} from ${url}`);
    }
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > MAX_FEED_BYTES) {
      await res.body?.cancel();
      throw new FeedFetchError(`${url} is larger than ${MAX_FEED_BYTES} bytes`);
    }
    body = await res.text();
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    const e = error as Error;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new FeedFetchError(`timed out after ${timeoutMs} ms: ${url}`);
    throw new FeedFetchError(`request to ${url} failed: ${(e.cause as Error | undefined)?.message ?? e.message}`);
  }
  const validators: FeedValidators = {};
  const etag = res.headers.get('etag');
  const lastModified = res.headers.get('last-modified');
  if (etag) validators.etag = etag;
  if (lastModified) validators.lastModified = lastModified;
  return { kind: 'fetched', body, validators };
}

/** Fetches a feed, sending the previous validators so an unchanged feed costs a 304 (or a stat). */
export function fetchFeed(url: string, previous: FeedValidators, options: { timeoutMs: number; root: string }): Promise<FetchResult> {
  return url.startsWith('file://') ? fetchFile(url, previous, options.root) : fetchHttp(url, previous, options.timeoutMs);
}
