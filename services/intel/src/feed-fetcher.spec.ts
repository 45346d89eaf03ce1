import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedFetchError, fetchFeed, feedFilePath } from './feed-fetcher.js';

describe(feedFilePath.name, () => {
  it('resolves relative file:// paths against the root and keeps absolute ones', () => {
    expect(feedFilePath('file://services/intel/a.xml', '/repo')).toBe('/repo/services/intel/a.xml');
    expect(feedFilePath('file:///tmp/a%20b.xml', '/repo')).toBe('/tmp/a b.xml');
  });
});

describe(fetchFeed.name, () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'intel-fetch-'));
    server = createServer((req, res) => {
      if (req.url === '/slow') return void setTimeout(() => res.end('<rss/>'), 2000);
      if (req.url === '/fail') return void res.writeHead(503).end('down');
      res.writeHead(200, { etag: '"e1"', 'last-modified': 'Tue, 18 Nov 2025 12:00:00 GMT' }).end('<rss/>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  const opts = () => ({ timeoutMs: 300, root: dir });

  it('reads a file feed, then reports it unchanged until its mtime or size changes', async () => {
    const file = path.join(dir, 'f.xml');
    await writeFile(file, '<rss/>');
    const first = await fetchFeed('file://f.xml', {}, opts());
    expect(first).toMatchObject({ kind: 'fetched', body: '<rss/>' });
    if (first.kind !== 'fetched') throw new Error('unreachable');
    expect(await fetchFeed('file://f.xml', first.validators, opts())).toEqual({ kind: 'not-modified' });
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    expect(await fetchFeed('file://f.xml', first.validators, opts())).toMatchObject({ kind: 'fetched' });
  });

  it('fails a missing file with a FeedFetchError naming it', async () => {
    await expect(fetchFeed('file://nope.xml', {}, opts())).rejects.toThrow(/cannot read .*nope\.xml: ENOENT/);
  });

  it('returns the ETag and Last-Modified of an http feed', async () => {
    expect(await fetchFeed(`${base}/ok`, {}, opts())).toEqual({
      kind: 'fetched',
      body: '<rss/>',
      validators: { etag: '"e1"', lastModified: 'Tue, 18 Nov 2025 12:00:00 GMT' },
    });
  });

  it('fails an http error status and a request past the timeout', async () => {
    await expect(fetchFeed(`${base}/fail`, {}, opts())).rejects.toThrow(new FeedFetchError(`HTTP 503 from ${base}/fail`));
    const started = Date.now();
    await expect(fetchFeed(`${base}/slow`, {}, opts())).rejects.toThrow(`timed out after 300 ms: ${base}/slow`);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
