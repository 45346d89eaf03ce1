import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { KEY_MAP } from '../../workspace/keymap';
import { PANEL_GUIDE } from '../../workspace/panel-guide';
import { HelpPage } from './HelpPage';

const html = renderToStaticMarkup(
  <MemoryRouter initialEntries={['/help']}>
    <HelpPage />
  </MemoryRouter>,
);

describe(HelpPage.name, () => {
  it('has exactly one h1', () => {
    expect(html.match(/<h1/g)).toHaveLength(1);
  });

  it('says what every panel shows', () => {
    for (const panel of PANEL_GUIDE) expect(html).toContain(`<dd>${panel.shows.replaceAll('&', '&amp;')}</dd>`);
  });

  it('lists the shortcuts from the same key map the workspace answers', () => {
    for (const binding of KEY_MAP) expect(html).toContain(binding.description.replaceAll('&', '&amp;'));
  });

  it('says the market is simulated and the intel may be a sample, and links to the settings', () => {
    expect(html).toMatch(/market simulator/);
    expect(html).toMatch(/sample/);
    expect(html).toContain('href="/settings"');
  });
});
