import { makeTile, type HeatmapTile } from '@marketswarm/shared/models';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TemplateForm } from './TemplateForm';

const NOW = Date.UTC(2026, 0, 2, 15);
const CLOSE = Date.UTC(2026, 0, 2, 21);
const tile = (strike: number): HeatmapTile => {
  const t = makeTile('single-call', 0, 0, strike, 5, CLOSE, 0.15);
  if (t === undefined) throw new Error('bad test tile');
  return t;
};

describe('TemplateForm', () => {
  it('starts a long call butterfly at the strike nearest spot, 10 wide, on the heatmap’s first expiry', () => {
    const html = renderToStaticMarkup(<TemplateForm symbol="SPX" tiles={[tile(5000), tile(5005)]} spot={5003.2} now={NOW} onCreate={() => undefined} onClose={() => undefined} />);
    expect(html).toContain('data-testid="rg-template-form"');
    expect(html).toContain('aria-label="New SPX position from a template"');
    expect(html).toMatch(/<option value="butterfly" selected="">Butterfly<\/option>/);
    expect(html).toContain('Broken-wing butterfly');
    expect(html).toContain('Iron condor');
    expect(html).toContain('Calendar');
    expect(html).toMatch(/value="5005"/);
    expect(html).toMatch(/value="10"/);
    expect(html).toContain('2026-01-02 (0DTE)');
  });

  it('says when the heatmap has no expiries to price from', () => {
    const html = renderToStaticMarkup(<TemplateForm symbol="SPX" tiles={[]} spot={undefined} now={NOW} onCreate={() => undefined} onClose={() => undefined} />);
    expect(html).toContain('no live expiries');
  });
});
