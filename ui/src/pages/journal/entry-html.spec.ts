import { describe, expect, it, vi } from 'vitest';
import type { LinkLike, PurifyLike } from '../../text/html-policy';
import { createEntrySanitizer, ENTRY_LINK_REL, ENTRY_SANITIZE_CONFIG, hardenEntryLink, isBlankHtml, safeEntryHref } from './entry-html';

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

describe(safeEntryHref.name, () => {
  it('keeps http(s) links with a host and mailto', () => {
    expect(safeEntryHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeEntryHref(' mailto:me@example.com ')).toBe('mailto:me@example.com');
  });

  it('refuses scripts, data, relative paths and garbage', () => {
    for (const href of ['javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', '/journal', 'vbscript:x', '', null]) expect(safeEntryHref(href), String(href)).toBeUndefined();
  });
});

describe(hardenEntryLink.name, () => {
  it('opens a kept link in a new tab without opener or referrer', () => {
    const a = new FakeElement('A', { href: 'https://example.com' });
    hardenEntryLink(a);
    expect(Object.fromEntries(a.attrs)).toEqual({ href: 'https://example.com/', target: '_blank', rel: ENTRY_LINK_REL });
  });

  it('drops an unsafe href but keeps the element', () => {
    const a = new FakeElement('a', { href: 'javascript:alert(1)' });
    hardenEntryLink(a);
    expect(a.getAttribute('href')).toBeNull();
  });

  it('leaves other elements alone', () => {
    const p = new FakeElement('P', { href: 'javascript:x' });
    hardenEntryLink(p);
    expect(p.getAttribute('href')).toBe('javascript:x');
    expect(p.getAttribute('rel')).toBeNull();
  });
});

describe(createEntrySanitizer.name, () => {
  it('sanitises with the entry allow-list and registers the link hook once', () => {
    const sanitize = vi.fn((html: string) => `clean:${html}`);
    const addHook = vi.fn();
    const purify = { isSupported: true, addHook, sanitize } as unknown as PurifyLike;
    const load = vi.fn(() => purify);
    const s = createEntrySanitizer(load);
    expect(s('<p>a</p>')).toBe('clean:<p>a</p>');
    expect(s('<p>b</p>')).toBe('clean:<p>b</p>');
    expect(load).toHaveBeenCalledTimes(1);
    expect(addHook).toHaveBeenCalledTimes(1);
    expect(sanitize).toHaveBeenCalledWith('<p>a</p>', ENTRY_SANITIZE_CONFIG);
  });

  it('never hands back unsanitised HTML without a DOM', () => {
    expect(createEntrySanitizer(() => undefined)('<img src=x onerror=alert(1)>')).toBeUndefined();
    const unsupported = { isSupported: false, addHook: vi.fn(), sanitize: vi.fn() } as unknown as PurifyLike;
    expect(createEntrySanitizer(() => unsupported)('<p>x</p>')).toBeUndefined();
  });

  it('allows the journal\'s tags only, with href as the only attribute', () => {
    expect(ENTRY_SANITIZE_CONFIG.ALLOWED_TAGS).toEqual(expect.arrayContaining(['p', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'a', 'u', 's']));
    expect(ENTRY_SANITIZE_CONFIG.ALLOWED_TAGS).not.toContain('img');
    expect(ENTRY_SANITIZE_CONFIG.ALLOWED_TAGS).not.toContain('script');
    expect(ENTRY_SANITIZE_CONFIG.ALLOWED_ATTR).toEqual(['href']);
  });
});

describe(isBlankHtml.name, () => {
  it('sees the editor\'s empty document as blank', () => {
    expect(isBlankHtml('')).toBe(true);
    expect(isBlankHtml('<p></p>')).toBe(true);
    expect(isBlankHtml('<p> </p><p><br></p>')).toBe(true);
    expect(isBlankHtml('<p>Sized down after the FOMC whipsaw.</p>')).toBe(false);
  });
});
