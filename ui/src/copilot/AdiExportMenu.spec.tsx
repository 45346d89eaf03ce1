import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AdiExportMenuView } from './AdiExportMenu';

const noop = () => undefined;

describe(AdiExportMenuView.name, () => {
  it('offers copy as text and the two downloads', () => {
    const html = renderToStaticMarkup(<AdiExportMenuView busy={undefined} message={undefined} error={undefined} onAction={noop} />);
    expect([...html.matchAll(/data-testid="adi-(\w+)"[^>]*>([^<]+)</g)].map((m) => [m[1], m[2]])).toEqual([
      ['copy', 'Copy text'],
      ['json', 'Download JSON'],
      ['csv', 'Download CSV'],
    ]);
    expect(html).not.toContain('role="alert"');
  });

  it('holds every action while one runs and marks the running one', () => {
    const html = renderToStaticMarkup(<AdiExportMenuView busy="csv" message={undefined} error={undefined} onAction={noop} />);
    expect(html.match(/disabled=""/g)).toHaveLength(3);
    expect(html).toContain('aria-busy="true">Working…</button>');
  });

  it('says what happened with the page feedback components', () => {
    expect(renderToStaticMarkup(<AdiExportMenuView busy={undefined} message="Downloaded." error={undefined} onAction={noop} />)).toContain(
      '<p class="jp-message" role="status" data-testid="adi-status">Downloaded.</p>',
    );
    expect(renderToStaticMarkup(<AdiExportMenuView busy={undefined} message={undefined} error="The export failed: 503" onAction={noop} />)).toContain(
      'role="alert">The export failed: 503</p>',
    );
  });
});
