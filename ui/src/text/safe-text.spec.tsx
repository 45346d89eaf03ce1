import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExternalLink, SafeHtml } from './safe-text';

describe(SafeHtml.name, () => {
  it('renders text without markup as it is', () => {
    expect(renderToStaticMarkup(<SafeHtml html="Fed holds rates" className="s" />)).toBe('<div class="s">Fed holds rates</div>');
  });

  it('falls back to escaped plain text when no DOM can sanitize (never raw HTML)', () => {
    const html = renderToStaticMarkup(<SafeHtml html={'<p>Hi <b>there</b><img src=x onerror="alert(1)"><script>alert(2)</script></p>'} />);
    expect(html).toBe('<div>Hi there</div>');
    const escaped = renderToStaticMarkup(<SafeHtml html={'&lt;script&gt;alert(1)&lt;/script&gt;'} />);
    expect(escaped).toBe('<div>&lt;script&gt;alert(1)&lt;/script&gt;</div>');
  });
});

describe(ExternalLink.name, () => {
  it('links out only to http(s), in a new tab without opener or referrer', () => {
    expect(renderToStaticMarkup(<ExternalLink href="https://example.com/a">Story</ExternalLink>)).toBe(
      '<a href="https://example.com/a" target="_blank" rel="noopener noreferrer nofollow">Story</a>',
    );
  });

  it('renders a plain span for javascript:, data: and missing links', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', undefined]) {
      expect(renderToStaticMarkup(<ExternalLink href={href}>Story</ExternalLink>)).toBe('<span>Story</span>');
    }
  });
});
