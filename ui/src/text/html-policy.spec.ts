import { describe, expect, it, vi } from 'vitest';
import { createSanitizer, hardenLink, LINK_REL, SANITIZE_CONFIG, type HtmlPolicy, type PurifyLike } from './html-policy';
import { FakeElement } from './testing/fake-element';

describe(hardenLink.name, () => {
  it('opens http(s) links in a new tab without opener, referrer or endorsement', () => {
    const a = new FakeElement('A', { href: 'https://news.example.com/story' });
    hardenLink(a);
    expect(Object.fromEntries(a.attrs)).toEqual({ href: 'https://news.example.com/story', target: '_blank', rel: LINK_REL });
    expect(LINK_REL).toBe('noopener noreferrer nofollow');
  });

  it('drops an href that is not http(s)', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', '/local', 'jav&#x09;ascript:alert(1)']) {
      const a = new FakeElement('a', { href });
      hardenLink(a);
      expect(a.getAttribute('href'), href).toBeNull();
      expect(a.getAttribute('rel')).toBe(LINK_REL);
    }
  });

  it('keeps what another policy\'s href rule accepts, and still hardens the link', () => {
    const a = new FakeElement('A', { href: 'mailto:me@example.com' });
    hardenLink(a, (raw) => (raw?.startsWith('mailto:') ? raw : undefined));
    expect(Object.fromEntries(a.attrs)).toEqual({ href: 'mailto:me@example.com', target: '_blank', rel: LINK_REL });
  });

  it('leaves other elements alone', () => {
    const b = new FakeElement('B', { href: 'javascript:x' });
    hardenLink(b);
    expect(Object.fromEntries(b.attrs)).toEqual({ href: 'javascript:x' });
  });
});

describe(createSanitizer.name, () => {
  it('allows only the small inline set and http(s) URIs', () => {
    expect(SANITIZE_CONFIG.ALLOWED_TAGS).toEqual(['b', 'strong', 'i', 'em', 'a', 'br', 'p']);
    expect(SANITIZE_CONFIG.ALLOWED_ATTR).toEqual(['href']);
    expect(SANITIZE_CONFIG.ALLOWED_URI_REGEXP.test('https://x')).toBe(true);
    expect(SANITIZE_CONFIG.ALLOWED_URI_REGEXP.test('javascript:x')).toBe(false);
    expect(SANITIZE_CONFIG.ALLOW_DATA_ATTR).toBe(false);
  });

  it('loads DOMPurify on first use only, adds the link hook once and passes the policy', () => {
    const sanitize = vi.fn((html: string) => `clean:${html}`);
    const addHook = vi.fn();
    const load = vi.fn(() => ({ isSupported: true, addHook, sanitize }) as unknown as PurifyLike);
    const run = createSanitizer(load);
    expect(load).not.toHaveBeenCalled();
    expect(run('<b>x</b>')).toBe('clean:<b>x</b>');
    expect(run('<i>y</i>')).toBe('clean:<i>y</i>');
    expect(load).toHaveBeenCalledTimes(1);
    expect(addHook).toHaveBeenCalledTimes(1);
    expect(addHook.mock.calls[0]?.[0]).toBe('afterSanitizeAttributes');
    expect(sanitize).toHaveBeenCalledWith('<b>x</b>', SANITIZE_CONFIG);
  });

  it('gives nothing (callers show plain text) without a DOM or when DOMPurify is unsupported', () => {
    expect(createSanitizer(() => undefined)('<b>x</b>')).toBeUndefined();
    const sanitize = vi.fn((html: string) => html);
    const unsupported = createSanitizer(() => ({ isSupported: false, addHook: vi.fn(), sanitize }) as unknown as PurifyLike);
    expect(unsupported('<img src=x onerror=alert(1)>')).toBeUndefined();
    expect(sanitize).not.toHaveBeenCalled();
  });

  it('sanitises with the policy it is given: its allow-list and its link rule', () => {
    const sanitize = vi.fn((html: string) => html);
    const addHook = vi.fn();
    const policy: HtmlPolicy = { config: { ...SANITIZE_CONFIG, ALLOWED_TAGS: ['p', 'ul', 'li'] }, safeHref: () => 'https://kept.example/' };
    createSanitizer(() => ({ isSupported: true, addHook, sanitize }) as unknown as PurifyLike, policy)('<ul><li>x</li></ul>');
    expect(sanitize).toHaveBeenCalledWith('<ul><li>x</li></ul>', policy.config);
    const hook = addHook.mock.calls[0]?.[1] as (node: FakeElement) => void;
    const a = new FakeElement('A', { href: 'javascript:x' });
    hook(a);
    expect(a.getAttribute('href')).toBe('https://kept.example/');
  });
});
