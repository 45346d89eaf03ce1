import { describe, expect, it } from 'vitest';
import { toPlainText } from './plain-text.js';

describe(toPlainText.name, () => {
  it('drops tags, hrefs, images and scripts, decodes entities and collapses whitespace', () => {
    expect(toPlainText('<p>SPX &amp; <a href="https://x">VIX</a>\n\n<img src="y.png"><script>alert(1)</script></p><p>&eacute;&nbsp;ok</p>', 100)).toBe('SPX & VIX é ok');
  });
  it('keeps plain text as it is', () => expect(toPlainText('5 < 6 and 7 > 3', 100)).toBe('5 < 6 and 7 > 3'));
  it('cuts at the limit with an ellipsis', () => {
    const out = toPlainText('word '.repeat(100), 20);
    expect(out).toHaveLength(20);
    expect(out.endsWith('…')).toBe(true);
  });
});
