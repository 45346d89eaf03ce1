import { createHash } from 'node:crypto';
import type { RawFeedItem } from './feed-parser.js';
import { toPlainText } from './plain-text.js';
import { extractTickers } from './ticker-extractor.js';

/** An item ready for the `intel` topic. */
export interface IntelItem {
  id: string;
  title: string;
  source: string;
  link?: string;
  published: number;
  summary?: string;
  tickers: string[];
  /** The offline sample (sample-intel.ts), never news. */
  sample?: boolean;
}

export const MAX_ID = 200;
export const MAX_TITLE = 500;
export const MAX_SUMMARY = 5000;

function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * A stable id for dedupe: the guid (RSS) or id (Atom), else the link, else a hash of the title and
 * the raw published text — never of a first-seen time, which would change on every poll. Ids
 * longer than the contract allows are hashed.
 */
export function deriveItemId(item: RawFeedItem): string {
  const natural = item.guid?.trim() || item.link?.trim();
  if (natural) return natural.length <= MAX_ID ? natural : sha256(natural);
  return sha256(`${item.title ?? ''}\n${item.published ?? ''}`);
}

/** An absolute http(s) URL, resolving a relative link against the feed's own link; else nothing. */
export function normaliseLink(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const url = base ? new URL(link, base) : new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function parsePublished(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** The source shown on items: the configured name, else the feed's title as plain text, else its URL. */
export function feedSource(configuredName: string | undefined, feedTitle: string | undefined, url: string): string {
  return (configuredName ?? (feedTitle ? toPlainText(feedTitle, 200) : '')) || url.slice(0, 200);
}

export interface NormaliseContext {
  source: string;
  /** Used as `published` for items without a (valid) date. */
  firstSeenMs: number;
  watched: readonly string[];
  feedLink?: string;
}

export function normaliseItem(item: RawFeedItem, ctx: NormaliseContext): IntelItem {
  const summary = item.summary ? toPlainText(item.summary, MAX_SUMMARY) : '';
  const title = (item.title ? toPlainText(item.title, MAX_TITLE) : '') || (summary ? toPlainText(summary, 120) : '') || '(untitled)';
  const link = normaliseLink(item.link, normaliseLink(ctx.feedLink, undefined));
  const out: IntelItem = {
    id: deriveItemId(item),
    title,
    source: ctx.source.slice(0, 200),
    published: parsePublished(item.published) ?? ctx.firstSeenMs,
    tickers: extractTickers(`${title}\n${summary}`, ctx.watched),
  };
  if (link) out.link = link;
  if (summary) out.summary = summary;
  return out;
}

/**
 * Normalises a feed's items for publishing: duplicates within the document dropped (first wins),
 * then oldest first. Feeds list newest first, so items with equal times keep reverse document order.
 */
export function normaliseFeedItems(items: readonly RawFeedItem[], ctx: NormaliseContext): IntelItem[] {
  const seen = new Set<string>();
  const unique: Array<{ item: IntelItem; index: number }> = [];
  items.forEach((raw, index) => {
    const item = normaliseItem(raw, ctx);
    if (seen.has(item.id)) return;
    seen.add(item.id);
    unique.push({ item, index });
  });
  unique.sort((a, b) => a.item.published - b.item.published || b.index - a.index);
  return unique.map((u) => u.item);
}
