import { describe, expect, it } from 'vitest';
import { decodeEntities, mayHoldMarkup, plainText } from './plain-text';

describe(plainText.name, () => {
  it('drops tags and keeps their text', () => {
    expect(plainText('<p>Fed <b>holds</b> rates, <a href="https://x.test">more</a></p>')).toBe('Fed holds rates, more');
    expect(plainText('line one<br>line two<br/>three')).toBe('line one line two three');
  });

  it('drops script-like elements with their contents, and comments', () => {
    expect(plainText('a<script>alert(1)</script>b')).toBe('a b');
    expect(plainText('a<STYLE>p{}</STYLE>b<!-- hidden -->c')).toBe('a b c');
    expect(plainText('x<script>never closed')).toBe('x');
  });

  it('handles attributes holding > and a tag cut off at the end', () => {
    expect(plainText('<img alt="a > b" src=x onerror=alert(1)>caption')).toBe('caption');
    expect(plainText('Stocks rally <a href="https://exa')).toBe('Stocks rally');
  });

  it('keeps a < that does not open a tag', () => {
    expect(plainText('SPX < 5000 and VIX > 20')).toBe('SPX < 5000 and VIX > 20');
  });

  it('decodes entities once, so encoded markup stays text', () => {
    expect(plainText('S&amp;P 500 &mdash; &#8220;risk&#x201D;')).toBe('S&P 500 — “risk”');
    expect(plainText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
    expect(plainText('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
  });

  it('collapses whitespace', () => {
    expect(plainText('  a \n\n b\t c ')).toBe('a b c');
    expect(plainText('')).toBe('');
  });
});

describe(decodeEntities.name, () => {
  it('leaves unknown names alone and replaces invalid code points', () => {
    expect(decodeEntities('&bogus; &#0; &#xD800; &#x1F600;')).toBe('&bogus; \uFFFD \uFFFD 😀');
    expect(decodeEntities('a & b')).toBe('a & b');
  });
});

describe(mayHoldMarkup.name, () => {
  it('is false only for text without < or &', () => {
    expect(mayHoldMarkup('plain words')).toBe(false);
    expect(mayHoldMarkup('a < b')).toBe(true);
    expect(mayHoldMarkup('AT&T')).toBe(true);
  });
});
