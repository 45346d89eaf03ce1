import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeedXml } from './feed-parser.js';
import { normaliseFeedItems, type IntelItem } from './item-normaliser.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const read = (rel: string) => readFileSync(path.join(fixtures, rel), 'utf8');
const WATCHED = ['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ'];
const FIRST_SEEN = 1_000_000_000_000;

function items(rel: string): IntelItem[] {
  const feed = parseFeedXml(read(rel));
  return normaliseFeedItems(feed.items, { source: 'S', firstSeenMs: FIRST_SEEN, watched: WATCHED, feedLink: feed.link });
}

describe(parseFeedXml.name, () => {
  it('reads the shipped RSS sample feed, oldest first, as plain text with tickers', () => {
    const feed = parseFeedXml(read('feeds/market-wire.rss.xml'));
    expect(feed).toMatchObject({ format: 'rss', title: 'MarketSwarm Test Wire', link: 'https://example.com/wire' });
    expect(items('feeds/market-wire.rss.xml')).toEqual([
      {
        id: 'wire-0001',
        title: 'Futures flat ahead of Fed minutes',
        source: 'S',
        published: Date.UTC(2025, 10, 17, 13, 0),
        tickers: ['SPY'],
        link: 'https://example.com/wire/futures-flat',
        summary: 'Index futures drifted in a narrow range; SPY premarket volume was light.',
      },
      {
        id: 'wire-0002',
        title: 'QQQ leads as megacap tech rebounds',
        source: 'S',
        published: Date.UTC(2025, 10, 17, 16, 10),
        tickers: ['QQQ', 'NDX', 'NVDA', 'MSFT'],
        link: 'https://example.com/wire/qqq-leads',
        summary: 'The Nasdaq-100 (NDX) rose 1.1 %, with $NVDA and $MSFT doing most of the lifting.',
      },
      {
        id: 'wire-0003',
        title: '0DTE volume tops half of SPX option contracts traded',
        source: 'S',
        published: Date.UTC(2025, 10, 17, 18, 30),
        tickers: ['SPX'],
        link: 'https://example.com/wire/0dte-volume-half',
        summary: 'Same-day expirations made up 52 % of SPX volume; dealers stayed long gamma near 6,000.',
      },
      {
        id: 'wire-0004',
        title: 'VIX slips under 14 as SPX grinds to a record close',
        source: 'S',
        published: Date.UTC(2025, 10, 17, 21, 5),
        tickers: ['VIX', 'SPX'],
        link: 'https://example.com/wire/vix-slips-under-14',
        summary: 'Implied volatility kept falling into the close: $VIX settled at 13.8 while the S&P 500 added 0.6 %.',
      },
    ]);
  });

  it('reads the shipped Atom sample feed, taking published or else updated and html summaries as text', () => {
    const feed = parseFeedXml(read('feeds/desk-notes.atom.xml'));
    expect(feed).toMatchObject({ format: 'atom', title: 'MarketSwarm Desk Notes', link: 'https://example.com/desk' });
    expect(items('feeds/desk-notes.atom.xml')).toEqual([
      {
        id: 'urn:marketswarm:desk:1',
        title: 'Morning note: compression regime, watch 5,950',
        source: 'S',
        published: Date.UTC(2025, 10, 17, 12, 30),
        tickers: [],
        link: 'https://example.com/desk/morning-note',
        summary: '* Overnight range was the tightest in two weeks. * Butterflies at 5,950 are cheap.',
      },
      {
        id: 'urn:marketswarm:desk:2',
        title: 'Small caps lag: RUT down 0.8 %',
        source: 'S',
        published: Date.UTC(2025, 10, 17, 17, 20),
        tickers: ['RUT', 'IWM'],
        link: 'https://example.com/desk/rut-lags',
        summary: 'Breadth narrowed as the Russell 2000 slipped; $IWM puts were bid.',
      },
      {
        id: 'urn:marketswarm:desk:3',
        title: 'Gamma wall at 6,000 holds for a third session',
        source: 'S',
        published: Date.UTC(2025, 10, 17, 20, 45),
        tickers: ['SPX'],
        link: 'https://example.com/desk/gamma-wall-6000',
        summary: 'Call GEX concentrated at the 6,000 strike pinned SPX again.',
      },
    ]);
  });

  it('ok/rss-cdata: takes CDATA text literally and strips markup from it', () => {
    expect(parseFeedXml(read('ok/rss-cdata.xml')).title).toBe('Wire & Co');
    expect(items('ok/rss-cdata.xml')).toEqual([
      {
        id: 'cdata-1',
        title: 'Stocks rally as $spx & $NDX climb higher',
        source: 'S',
        published: Date.UTC(2025, 10, 18, 10, 0),
        tickers: ['SPX', 'NDX'],
        link: 'https://example.com/a',
        summary: 'Plain text inside CDATA, 5 < 6 & 7 > 3.',
      },
    ]);
  });

  it('ok/rss-html-summary: drops tags, scripts, images and hrefs, decodes entities, resolves a relative link', () => {
    const [item, ...rest] = items('ok/rss-html-summary.xml');
    expect(rest).toEqual([]);
    expect(item).toEqual({
      id: 'https://example.com/news/fed-holds',
      title: 'Fed holds rates',
      source: 'S',
      published: Date.UTC(2025, 10, 18, 19, 0),
      tickers: ['VIX', 'SPX'],
      link: 'https://example.com/news/fed-holds',
      summary: 'The Fed held at 4.25–4.50 %. VIX & SPX reacted.',
    });
    expect(item?.summary).not.toMatch(/[<>]|alert|&\w+;/);
  });

  it('ok/rss-missing-dates: missing or unparsable dates become the first-seen time; ids fall back to link then hash', () => {
    const got = items('ok/rss-missing-dates.xml');
    expect(got.map((i) => [i.title, i.published, i.link])).toEqual([
      ['Only a title', FIRST_SEEN, undefined],
      ['Bad date here', FIRST_SEEN, undefined],
      ['No date here', FIRST_SEEN, 'https://example.com/no-date'],
    ]);
    expect(got[0]?.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(got[1]?.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(got[0]?.id).not.toBe(got[1]?.id);
    expect(got[2]?.id).toBe('https://example.com/no-date');
    // The same document on a later poll yields the same ids, so dedupe holds for undated items.
    const later = normaliseFeedItems(parseFeedXml(read('ok/rss-missing-dates.xml')).items, { source: 'S', firstSeenMs: FIRST_SEEN + 60_000, watched: [] });
    expect(later.map((i) => i.id)).toEqual(got.map((i) => i.id));
  });

  it('ok/rss-duplicate-guids: keeps the first item of a repeated guid', () => {
    expect(items('ok/rss-duplicate-guids.xml').map((i) => [i.id, i.title])).toEqual([
      ['dup-2', 'Other story'],
      ['dup-1', 'First copy'],
    ]);
  });

  it('ok/atom-xhtml-content: takes the alternate link over rel=edit and the text of xhtml content', () => {
    const feed = parseFeedXml(read('ok/atom-xhtml-content.xml'));
    expect(feed.title).toBe('Desk &lt;Live&gt;');
    expect(items('ok/atom-xhtml-content.xml')).toEqual([
      {
        id: 'urn:x:1',
        title: 'XHTML entry',
        source: 'S',
        published: Date.UTC(2025, 10, 18, 8, 30),
        tickers: ['QQQ'],
        link: 'https://example.com/desk/1',
        summary: 'QQQ options are busy.',
      },
    ]);
  });

  it('ok/rss-entity-expansion: never expands nested internal entities (no "billion laughs")', () => {
    const feed = parseFeedXml(read('ok/rss-entity-expansion.xml'));
    expect(feed.title).toBe('&g;');
    expect(items('ok/rss-entity-expansion.xml').map((i) => i.title)).toEqual(['Laughs aaaaaaaaaa']);
  });

  it('parses every ok/ fixture (none left untested)', () => {
    expect(readdirSync(path.join(fixtures, 'ok')).sort()).toEqual([
      'atom-xhtml-content.xml',
      'rss-cdata.xml',
      'rss-duplicate-guids.xml',
      'rss-entity-expansion.xml',
      'rss-html-summary.xml',
      'rss-missing-dates.xml',
    ]);
  });

  const notOk: Record<string, { code: string; message: RegExp }> = {
    'empty.xml': { code: 'malformed-xml', message: /^malformed XML at line 1: / },
    'html-page.xml': { code: 'malformed-xml', message: /^malformed XML at line 2: Expected closing tag 'br'/ },
    'malformed-xml.xml': { code: 'malformed-xml', message: /^malformed XML at line 4: Expected closing tag 'item'/ },
    'not-a-feed.xml': { code: 'not-a-feed', message: /^not an RSS 2.0 or Atom feed: root element is <sitemap>$/ },
    'external-entity.xml': { code: 'unsupported-xml', message: /^unsupported XML: External entities are not supported/ },
  };

  it('has an expectation for every not-ok/ fixture', () => {
    expect(readdirSync(path.join(fixtures, 'not-ok')).sort()).toEqual(Object.keys(notOk).sort());
  });

  for (const [file, expected] of Object.entries(notOk)) {
    it(`not-ok/${file}: refuses with ${expected.code}`, () => {
      let caught: unknown;
      try {
        parseFeedXml(read(`not-ok/${file}`));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(FeedParseError);
      expect((caught as FeedParseError).code).toBe(expected.code);
      expect((caught as FeedParseError).message).toMatch(expected.message);
    });
  }
});
