import { describe, expect, it, vi } from 'vitest';
import { createSanitizer, hardenLink, LINK_REL, SANITIZE_CONFIG, type LinkLike, type PurifyLike } from './html-policy';

class FakeElement implements LinkLike {
  readonly attrs = new Map<string, string>();
  constructor(
    readonly nodeName: string,
    attrs: Record<string, string> = {},
  ) {
    for (const [k, v] of Object.entries(attrs)) this.attrs.set(k, v);
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
}

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
});
