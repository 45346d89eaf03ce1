import { describe, expect, it } from 'vitest';
import { isHttpUrl, safeHttpUrl } from './url';

describe(safeHttpUrl.name, () => {
  it('keeps http and https URLs, normalized', () => {
    expect(safeHttpUrl('https://example.com/a?b=1#c')).toBe('https://example.com/a?b=1#c');
    expect(safeHttpUrl('  http://Example.COM  ')).toBe('http://example.com/');
    expect(safeHttpUrl('HTTPS://news.example.org/x')).toBe('https://news.example.org/x');
  });

  it('rejects script, data and other schemes, however they are spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.com/',
      'mailto:a@example.com',
    ]) {
      expect(safeHttpUrl(url), url).toBeUndefined();
    }
  });

  it('rejects relative, empty and non-string values', () => {
    expect(safeHttpUrl('/relative/path')).toBeUndefined();
    expect(safeHttpUrl('//example.com/x')).toBeUndefined();
    expect(safeHttpUrl('')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
    expect(safeHttpUrl(42)).toBeUndefined();
    expect(safeHttpUrl(`https://example.com/${'a'.repeat(5000)}`)).toBeUndefined();
  });

  it('answers the same through isHttpUrl', () => {
    expect(isHttpUrl('https://example.com')).toBe(true);
    expect(isHttpUrl('javascript:void 0')).toBe(false);
  });
});
