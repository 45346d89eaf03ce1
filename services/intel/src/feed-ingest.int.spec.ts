import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStreamEntry, type TypedEvent } from '@marketswarm/shared/events';
import { loadRepoTruth, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';
import { INTEL_KEYS } from './intel-repository.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const STREAM = '{intel}:stream:intel';

const HTTP_FEED = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local HTTP Wire</title><link>http://127.0.0.1/</link>
<item><title>HTTP item two about $SPY</title><guid>http-2</guid><pubDate>Tue, 18 Nov 2025 12:00:00 GMT</pubDate></item>
<item><title>HTTP item one</title><guid>http-1</guid><pubDate>Tue, 18 Nov 2025 11:00:00 GMT</pubDate></item>
</channel></rss>`;
const ETAG = '"v1"';
const LAST_MODIFIED = 'Tue, 18 Nov 2025 12:00:00 GMT';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function metric(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('intel feed ingest (real Redis, real process)', () => {
  let redis: RedisTrio;
  let producer: ServiceProcess;
  let dir: string;
  let http: Server;
  let httpUrl: string;
  const requests: IncomingHttpHeaders[] = [];
  let rssPath: string;

  const events = async (): Promise<TypedEvent[]> => {
    const entries = await redis.intel.client().xrange(STREAM, '-', '+');
    return entries.map(([, fields]) => {
      const decoded = decodeStreamEntry(fields);
      if (!decoded.ok) throw new Error(`invalid envelope: ${JSON.stringify(decoded.issues)}`);
      return decoded.event;
    });
  };
  const ids = async () => (await events()).map((e) => String((e.data as Record<string, unknown>)['id']));
  const metrics = async () => (await fetch(`${producer.url}/metrics`)).text();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'intel-int-'));
    rssPath = path.join(dir, 'market-wire.rss.xml');
    await copyFile(path.join(fixtures, 'feeds/market-wire.rss.xml'), rssPath);
    await copyFile(path.join(fixtures, 'feeds/desk-notes.atom.xml'), path.join(dir, 'desk-notes.atom.xml'));
    await copyFile(path.join(fixtures, 'not-ok/malformed-xml.xml'), path.join(dir, 'broken.xml'));

    http = createServer((req, res) => {
      requests.push(req.headers);
      if (req.headers['if-none-match'] === ETAG) {
        res.writeHead(304, { etag: ETAG }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG, 'last-modified': LAST_MODIFIED }).end(HTTP_FEED);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    httpUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/feed.xml`;

    redis = await startRedisTrio();
    await loadRepoTruth(redis.system.client(), {
      patch: (t) => {
        t.components['intel']!.settings = {
          feeds: [
            { url: `file://${rssPath}` },
            { url: `file://${path.join(dir, 'desk-notes.atom.xml')}`, name: 'Desk' },
            { url: `file://${path.join(dir, 'broken.xml')}`, name: 'Broken' },
            { url: httpUrl, name: 'Local HTTP' },
          ],
          pollIntervalSec: 1,
          backoffBaseSec: 0.2,
          backoffMaxSec: 1,
        };
      },
    });
    producer = await startServiceProcess({ dir: 'services/intel', env: redis.env });
  });

  afterAll(async () => {
    await producer?.stop();
    await redis?.stop();
    await new Promise((resolve) => http?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('publishes every feed item once as a valid intel envelope, oldest first per feed', async () => {
    const all = await waitFor('9 intel items', async () => {
      const got = await events();
      return got.length >= 9 ? got : undefined;
    });
    expect(all).toHaveLength(9);
    for (const event of all) expect(event).toMatchObject({ topic: 'intel', type: 'item' });
    // One producer counter for the topic: every item numbered, consecutively in stream order.
    expect(all.map((e) => e.data.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const bySource = (source: string) => all.map((e) => e.data).filter((d) => d.source === source);
    expect(bySource('MarketSwarm Test Wire').map((d) => d.id)).toEqual(['wire-0001', 'wire-0002', 'wire-0003', 'wire-0004']);
    expect(bySource('Desk').map((d) => d.id)).toEqual(['urn:marketswarm:desk:1', 'urn:marketswarm:desk:2', 'urn:marketswarm:desk:3']);
    expect(bySource('Local HTTP').map((d) => [d.id, d.tickers])).toEqual([
      ['http-1', []],
      ['http-2', ['SPY']],
    ]);
    const wire = bySource('MarketSwarm Test Wire');
    const times = wire.map((d) => Number(d.published));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(wire[3]).toMatchObject({
      title: 'VIX slips under 14 as SPX grinds to a record close',
      link: 'https://example.com/wire/vix-slips-under-14',
      summary: 'Implied volatility kept falling into the close: $VIX settled at 13.8 while the S&P 500 added 0.6 %.',
      tickers: ['VIX', 'SPX'],
    });
  });

  it('keeps polling beside a malformed feed, counting its errors, and stays healthy', async () => {
    const text = await waitFor('two parse errors for the broken feed', async () => {
      const t = await metrics();
      return metric(t, 'ms_intel_fetch_errors_total', 'feed="Broken",reason="parse"') >= 2 ? t : undefined;
    });
    expect(metric(text, 'ms_intel_items_published_total', 'feed="Desk"')).toBe(3);
    expect(metric(text, 'ms_intel_fetch_errors_total', 'feed="Desk"')).toBe(0);
    expect(text).toMatch(/ms_intel_fetch_duration_seconds_count\{[^}]*feed="Desk"[^}]*\} [1-9]/);
    expect((await fetch(`${producer.url}/health`)).status).toBe(200);
    expect(producer.child.exitCode).toBeNull();
  });

  it('sends If-None-Match / If-Modified-Since on the next poll, and a 304 publishes nothing', async () => {
    await waitFor('a second request to the http feed', () => Promise.resolve(requests.length >= 2 ? true : undefined));
    expect(requests[0]?.['if-none-match']).toBeUndefined();
    expect(requests[1]).toMatchObject({ 'if-none-match': ETAG, 'if-modified-since': LAST_MODIFIED });
    const text = await metrics();
    expect(metric(text, 'ms_intel_not_modified_total', 'feed="Local HTTP"')).toBeGreaterThanOrEqual(1);
    expect(metric(text, 'ms_intel_items_published_total', 'feed="Local HTTP"')).toBe(2);
    expect(await redis.intel.client().xlen(STREAM)).toBe(9);
  });

  it('publishes no duplicates after a restart, even when every feed is fetched afresh, and only new items', async () => {
    expect(await producer.stop()).toBe(0);
    // Forget the validators so every feed is downloaded again: only the seen-id set can prevent duplicates.
    await redis.intel.client().del(INTEL_KEYS.validators);
    const before = await ids();
    producer = await startServiceProcess({ dir: 'services/intel', env: redis.env });
    const text = await waitFor('duplicates skipped after restart', async () => {
      const t = await metrics();
      return metric(t, 'ms_intel_duplicates_skipped_total', 'feed="Desk"') >= 3 && metric(t, 'ms_intel_duplicates_skipped_total', 'feed="file://') >= 4
        ? t
        : undefined;
    });
    expect(metric(text, 'ms_intel_items_published_total', 'feed="Desk"')).toBe(0);
    expect(await ids()).toEqual(before);

    const rss = await readFile(rssPath, 'utf8');
    const fresh = `<item><title>Breaking: $NDX halts</title><guid>wire-0005</guid><pubDate>Mon, 17 Nov 2025 22:00:00 GMT</pubDate></item>\n`;
    await writeFile(rssPath, rss.replace('<item>', `${fresh}<item>`));
    const after = await waitFor('the new item', async () => {
      const got = await ids();
      return got.length > before.length ? got : undefined;
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await ids()).toEqual([...before, 'wire-0005']);
    expect(after.at(-1)).toBe('wire-0005');
    // The restarted producer continued the numbering from the stream's tail: no restart at 0, no gap.
    expect((await events()).map((e) => e.data.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await redis.intel.client().zscore(INTEL_KEYS.seen, 'wire-0005')).not.toBeNull();
  });
});
