import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KEY_MAP } from './keymap';
import { ShortcutsDialog } from './ShortcutsDialog';

describe(ShortcutsDialog.name, () => {
  const html = renderToStaticMarkup(<ShortcutsDialog open={false} onClose={() => undefined} />);

  it('is a native dialog named by its heading, closed until opened (showModal traps focus, Escape closes)', () => {
    expect(html).toMatch(/^<dialog class="shortcuts-dialog" data-testid="shortcuts-dialog" aria-labelledby="([^"]+)">/);
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<h2 id="${labelledBy}">Keyboard shortcuts</h2>`);
    expect(html).not.toMatch(/<dialog[^>]* open/);
    expect(html).toContain('aria-label="Close the keyboard shortcuts"');
  });

  it('lists every binding of the key map with its keys', () => {
    for (const binding of KEY_MAP) expect(html).toContain(`<dd>${binding.description.replaceAll('&', '&amp;')}</dd>`);
    expect(html).toContain('<kbd>g</kbd><kbd>r</kbd>');
    expect(html).toContain('<kbd>?</kbd>');
    expect(html).toMatch(/Zoom the risk graph in/);
  });
});
