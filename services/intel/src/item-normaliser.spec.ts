import { describe, expect, it } from 'vitest';
import { deriveItemId, feedSource, normaliseItem, normaliseLink } from './item-normaliser.js';

describe(deriveItemId.name, () => {
  it('uses the guid first', () => expect(deriveItemId({ guid: ' g-1 ', link: 'https://x/a', title: 't' })).toBe('g-1'));
  it('falls back to the link', () => expect(deriveItemId({ link: 'https://x/a', title: 't' })).toBe('https://x/a'));
  it('falls back to a hash of title and raw date, stable and sensitive to both', () => {
    const a = deriveItemId({ title: 't', published: 'Mon' });
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(deriveItemId({ title: 't', published: 'Mon' })).toBe(a);
    expect(deriveItemId({ title: 't', published: 'Tue' })).not.toBe(a);
    expect(deriveItemId({ title: 'u', published: 'Mon' })).not.toBe(a);
  });
  it('hashes a guid longer than the 200-character contract', () => {
    expect(deriveItemId({ guid: 'g'.repeat(201) })).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(deriveItemId({ guid: 'g'.repeat(200) })).toBe('g'.repeat(200));
  });
});

describe(normaliseLink.name, () => {
  it('keeps absolute http(s) links', () => expect(normaliseLink('https://a.b/c', undefined)).toBe('https://a.b/c'));
  it('resolves relative links against the feed link', () => expect(normaliseLink('/c', 'https://a.b/feed')).toBe('https://a.b/c'));
  it('drops javascript: and unresolvable links', () => {
    expect(normaliseLink('javascript:alert(1)', 'https://a.b/')).toBeUndefined();
    expect(normaliseLink('/c', undefined)).toBeUndefined();
  });
});

describe(normaliseItem.name, () => {
  const ctx = { source: 'Wire', firstSeenMs: 5, watched: ['SPX'] };
  it('titles an untitled item from its summary, and truncates long text', () => {
    const item = normaliseItem({ summary: `<p>${'SPX '.repeat(2000)}</p>` }, ctx);
    expect(item.title.length).toBeLessThanOrEqual(120);
    expect(item.summary?.length).toBe(5000);
    expect(item.summary?.endsWith('…')).toBe(true);
    expect(item.tickers).toEqual(['SPX']);
  });
  it('uses "(untitled)" when there is no text at all', () => {
    expect(normaliseItem({ guid: 'x' }, ctx)).toEqual({ id: 'x', title: '(untitled)', source: 'Wire', published: 5, tickers: [] });
  });
});

describe(feedSource.name, () => {
  it('prefers the configured name, then the feed title as text, then the url', () => {
    expect(feedSource('Mine', 'Theirs', 'file://x')).toBe('Mine');
    expect(feedSource(undefined, 'Desk &lt;Live&gt;', 'file://x')).toBe('Desk <Live>');
    expect(feedSource(undefined, undefined, 'file://x')).toBe('file://x');
  });
});
