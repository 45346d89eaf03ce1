import { describe, expect, it, vi } from 'vitest';
import { hardenLink, LINK_REL, SANITIZE_CONFIG, type PurifyLike } from '../../text/html-policy';
import { FakeElement } from '../../text/testing/fake-element';
import { createEntrySanitizer, ENTRY_POLICY, isBlankHtml, safeEntryHref } from './entry-html';

// The sanitiser's mechanics (DOMPurify loaded once, nothing without a DOM) are html-policy.spec.ts's;
// here: what an entry may hold beyond producer text.

describe(safeEntryHref.name, () => {
  it('keeps http(s) links with a host and mailto', () => {
    expect(safeEntryHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeEntryHref(' mailto:me@example.com ')).toBe('mailto:me@example.com');
  });

  it('refuses scripts, data, relative paths and garbage', () => {
    for (const href of ['javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', '/journal', 'vbscript:x', '', null]) expect(safeEntryHref(href), String(href)).toBeUndefined();
  });
});

describe('ENTRY_POLICY', () => {
  it('keeps a mailto link in an entry, hardened like any link', () => {
    const a = new FakeElement('A', { href: 'mailto:me@example.com' });
    hardenLink(a, ENTRY_POLICY.safeHref);
    expect(Object.fromEntries(a.attrs)).toEqual({ href: 'mailto:me@example.com', target: '_blank', rel: LINK_REL });
  });

  it('allows the journal\'s block tags on top of the producer policy, with href as the only attribute', () => {
    expect(ENTRY_POLICY.config.ALLOWED_TAGS).toEqual(expect.arrayContaining(['p', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'a', 'u', 's']));
    expect(ENTRY_POLICY.config.ALLOWED_TAGS).not.toContain('img');
    expect(ENTRY_POLICY.config.ALLOWED_TAGS).not.toContain('script');
    expect(ENTRY_POLICY.config.ALLOWED_ATTR).toEqual(['href']);
    expect(ENTRY_POLICY.config.ALLOWED_URI_REGEXP?.test('mailto:me@example.com')).toBe(true);
    expect(ENTRY_POLICY.config.ALLOWED_URI_REGEXP?.test('javascript:x')).toBe(false);
    expect({ ...ENTRY_POLICY.config, ALLOWED_TAGS: SANITIZE_CONFIG.ALLOWED_TAGS, ALLOWED_URI_REGEXP: SANITIZE_CONFIG.ALLOWED_URI_REGEXP }).toEqual(SANITIZE_CONFIG);
  });

  it('is what the entry sanitiser passes to DOMPurify', () => {
    const sanitize = vi.fn((html: string) => `clean:${html}`);
    const purify = { isSupported: true, addHook: vi.fn(), sanitize } as unknown as PurifyLike;
    expect(createEntrySanitizer(() => purify)('<h2>a</h2>')).toBe('clean:<h2>a</h2>');
    expect(sanitize).toHaveBeenCalledWith('<h2>a</h2>', ENTRY_POLICY.config);
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
