import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PnlTableView } from './PnlTableView';

describe('PnlTableView', () => {
  const html = renderToStaticMarkup(
    <PnlTableView
      prices={[4990, 5000, 5010]}
      dates={[
        { at: 1, label: '10:00' },
        { at: 2, label: 'expiry' },
      ]}
      cells={[
        [-120, 180, -90],
        [-235, 765, -235],
      ]}
      spot={5003.5}
    />,
  );

  it('lists prices high to low with one column per date', () => {
    expect(html).toContain('data-testid="rg-pnl-table"');
    const rows = html.match(/<th scope="row" class="mono">([\d.]+)/g) ?? [];
    expect(rows.map((r) => r.replace(/.*>/, ''))).toEqual(['5010.00', '5000.00', '4990.00']);
    expect(html).toContain('<th scope="col">expiry</th>');
  });

  it('scrolls sideways inside its own region when a phone is too narrow for every date', () => {
    expect(html).toMatch(/<div class="rg-table-wrap" data-testid="rg-pnl-table" data-scroll-x="true" tabindex="0" role="region"/);
  });

  it('marks the row nearest spot and colours cells by sign and size', () => {
    expect(html).toMatch(/<tr class="rg-spot-row" data-spot="true" aria-current="true"><th scope="row" class="mono">5000.00/);
    expect(html).toContain('class="mono rg-cell-up-4">+765</td>');
    expect(html).toContain('class="mono rg-cell-down-2">−235</td>');
  });
});
