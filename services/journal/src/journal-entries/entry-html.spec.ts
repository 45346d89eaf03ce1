import { describe, expect, it } from 'vitest';
import { sanitizeEntryHtml } from './entry-html.js';

describe(sanitizeEntryHtml.name, () => {
  it('keeps the editor\'s formatting as it is', () => {
    const html = '<h1>Plan</h1><h2>Open</h2><h3>Close</h3><p>Sold the <strong>6000</strong>/<em>6010</em> <u>call</u> <s>put</s> spread<br />at 1.20</p>'
      + '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>patience</p></blockquote><pre><code>risk = 880</code></pre><p><code>SPX</code></p>';
    expect(sanitizeEntryHtml(html)).toBe(html);
  });

  it('drops script and style with their text, and iframes, objects, embeds, forms and images', () => {
    const out = sanitizeEntryHtml('<p>a</p><script>alert(1)</script><style>p{color:red}</style><iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x"><form action="/x"><input name="q"></form><img src="x" onerror="alert(1)"><p>b</p>');
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('strips every event handler, style, class and id', () => {
    expect(sanitizeEntryHtml('<p onclick="alert(1)" style="background:url(javascript:alert(1))" class="x" id="y" onmouseover=alert(1)>hi</p>')).toBe('<p>hi</p>');
  });

  it('keeps http, https and mailto links and forces rel="noopener noreferrer", dropping target', () => {
    expect(sanitizeEntryHtml('<a href="https://example.com/a?b=1" target="_blank" rel="opener">x</a>')).toBe('<a href="https://example.com/a?b=1" rel="noopener noreferrer">x</a>');
    expect(sanitizeEntryHtml('<a href="http://example.com">x</a>')).toBe('<a href="http://example.com" rel="noopener noreferrer">x</a>');
    expect(sanitizeEntryHtml('<a href="mailto:me@example.com">x</a>')).toBe('<a href="mailto:me@example.com" rel="noopener noreferrer">x</a>');
  });

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    [' javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['&#106;avascript:alert(1)'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:msgbox(1)'],
    ['//evil.example/x'],
    ['file:///etc/passwd'],
  ])('removes the href %j but keeps the link text', (href) => {
    expect(sanitizeEntryHtml(`<a href="${href}">click</a>`)).toBe('<a rel="noopener noreferrer">click</a>');
  });

  it('unwraps tags it does not know, keeping their text, and closes what was left open', () => {
    expect(sanitizeEntryHtml('<div><span>kept</span></div><p><strong>open')).toBe('kept<p><strong>open</strong></p>');
  });

  it('escapes text that only looks like markup, and neutralises svg and math payloads', () => {
    expect(sanitizeEntryHtml('<p>1 &lt; 2 &amp; 3 &gt; 2</p>')).toBe('<p>1 &lt; 2 &amp; 3 &gt; 2</p>');
    expect(sanitizeEntryHtml('<svg><script>alert(1)</script></svg><math><mtext><img src=x onerror=alert(1)></mtext></math>ok')).toBe('ok');
    expect(sanitizeEntryHtml('<p>"><script>alert(1)</script></p>')).toBe('<p>"&gt;</p>');
  });

  it('drops comments and conditional comments', () => {
    expect(sanitizeEntryHtml('<p>a<!-- <script>alert(1)</script> --></p><!--[if IE]><script>alert(1)</script><![endif]-->')).toBe('<p>a</p>');
  });
});
