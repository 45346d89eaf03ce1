import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type FeedParseErrorCode = 'malformed-xml' | 'unsupported-xml' | 'not-a-feed';

export class FeedParseError extends Error {
  constructor(
    readonly code: FeedParseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeedParseError';
  }
}

/** One item as the feed wrote it: raw strings, HTML still in place, dates unparsed. */
export interface RawFeedItem {
  guid?: string;
  title?: string;
  link?: string;
  published?: string;
  summary?: string;
}

export interface ParsedFeed {
  format: 'rss' | 'atom';
  title?: string;
  link?: string;
  items: RawFeedItem[];
}

const ARRAY_PATHS = new Set(['rss.channel.item', 'feed.entry', 'feed.link', 'feed.entry.link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (_name, jPath) => typeof jPath === 'string' && ARRAY_PATHS.has(jPath),
});

type Node = unknown;

function isRecord(node: Node): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** The text of an element: its own text, or (XHTML content) the text of its children; first of repeats. */
function textOf(node: Node): string | undefined {
  if (typeof node === 'string') return node.trim() || undefined;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (!isRecord(node)) return undefined;
  const own = node['#text'];
  if (own !== undefined) return textOf(own);
  const parts = Object.entries(node)
    .filter(([key]) => !key.startsWith('@_'))
    .map(([, child]) => textOf(child))
    .filter((t): t is string => t !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function field(node: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = textOf(node[name]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Atom's page link: rel="alternate" (or no rel) wins over the others. */
function atomLink(links: Node): string | undefined {
  const list = (Array.isArray(links) ? links : [links]).filter(isRecord);
  const href = (l: Record<string, unknown>) => (typeof l['@_href'] === 'string' ? l['@_href'].trim() || undefined : undefined);
  const alternate = list.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate' && href(l));
  return alternate ? href(alternate) : undefined;
}

function parseRss(channel: Record<string, unknown>): ParsedFeed {
  const items = (Array.isArray(channel['item']) ? channel['item'] : []).filter(isRecord).map(
    (item): RawFeedItem => ({
      guid: field(item, 'guid'),
      title: field(item, 'title'),
      link: field(item, 'link'),
      published: field(item, 'pubDate', 'dc:date'),
      summary: field(item, 'description', 'content:encoded'),
    }),
  );
  return { format: 'rss', title: field(channel, 'title'), link: field(channel, 'link'), items };
}

function parseAtom(feed: Record<string, unknown>): ParsedFeed {
  const items = (Array.isArray(feed['entry']) ? feed['entry'] : []).filter(isRecord).map(
    (entry): RawFeedItem => ({
      guid: field(entry, 'id'),
      title: field(entry, 'title'),
      link: atomLink(entry['link']),
      published: field(entry, 'published', 'updated'),
      summary: field(entry, 'summary', 'content'),
    }),
  );
  return { format: 'atom', title: field(feed, 'title'), link: atomLink(feed['link']), items };
}

/** Parses an RSS 2.0 or Atom 1.0 document; throws `FeedParseError` for bad XML or any other document. */
export function parseFeedXml(xml: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new FeedParseError('malformed-xml', `malformed XML at line ${valid.err.line ?? 1}: ${valid.err.msg}`);
  }
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (error) {
    // e.g. a DOCTYPE declaring external entities, which are never fetched.
    throw new FeedParseError('unsupported-xml', `unsupported XML: ${(error as Error).message}`);
  }
  if (!isRecord(doc)) throw new FeedParseError('not-a-feed', 'not an RSS 2.0 or Atom feed: empty document');
  const rss = doc['rss'];
  if (isRecord(rss) && isRecord(rss['channel'])) return parseRss(rss['channel']);
  const feed = doc['feed'];
  if (isRecord(feed)) return parseAtom(feed);
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#')) ?? '(none)';
  throw new FeedParseError('not-a-feed', `not an RSS 2.0 or Atom feed: root element is <${root}>`);
}
