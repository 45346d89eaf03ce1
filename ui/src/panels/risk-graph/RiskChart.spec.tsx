import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RiskChart, type RiskChartProps, type RiskCurve } from './RiskChart';
import { RiskChartCrosshair } from './risk-chart-crosshair';
import { chartFrame } from './risk-chart';

/** A 1-lot 4990/5000/5010 call fly bought for 2.35: expiry P&L in dollars at `s`. */
const flyExpiry = (s: number): number => (Math.max(0, s - 4990) - 2 * Math.max(0, s - 5000) + Math.max(0, s - 5010) - 2.35) * 100;

const axis = { from: 4970, to: 5030 };
const spots = Array.from({ length: 61 }, (_, i) => 4970 + i);
const curves: RiskCurve[] = [
  { id: 'expiry', label: 'Expiry', kind: 'expiry', values: spots.map(flyExpiry) },
  { id: 'd1', label: 'Dec 6 14:00', kind: 'date', values: spots.map((s) => flyExpiry(s) * 0.6) },
  { id: 'today', label: 'Today', kind: 'today', values: spots.map((s) => flyExpiry(s) * 0.3) },
];

const props = (over: Partial<RiskChartProps> = {}): RiskChartProps => ({
  spots,
  curves,
  positionLines: [],
  axis,
  breakevens: [4992.35, 5007.65],
  alertLevels: [5020],
  expectedMove: { from: 4985, to: 5015 },
  liveSpot: 5003.5,
  whatIfSpot: 5003.5,
  onAxisChange: () => undefined,
  onAxisReset: () => undefined,
  onLevelAlert: () => undefined,
  ...over,
});

const render = (p: RiskChartProps): string => renderToStaticMarkup(<RiskChart {...p} />);
const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;

describe('RiskChart', () => {
  it('draws one path per curve, expiry, the date and today, each named in the legend', () => {
    const html = render(props());
    expect(count(html, /class="rg-expiry"/g)).toBe(1);
    expect(count(html, /class="rg-today"/g)).toBe(1);
    expect(count(html, /class="rg-date rg-date-0"/g)).toBe(1);
    expect(html).toContain('data-curve="d1"');
    expect(html).toMatch(/<li class="rg-key rg-key-date rg-key-date-0">Dec 6 14:00<\/li>/);
    expect(html).toMatch(/<li class="rg-key rg-key-today">Today<\/li>/);
    expect(html).toContain('class="rg-area-profit"');
    expect(html).toContain('class="rg-area-loss"');
  });

  it('makes each breakeven a labelled button carrying its level', () => {
    const html = render(props());
    const markers = html.match(/<g[^>]*data-testid="rg-breakeven-marker"[^>]*>/g) ?? [];
    expect(markers).toHaveLength(2);
    expect(markers[0]).toContain('data-level="4992.35"');
    expect(markers[0]).toContain('role="button"');
    expect(markers[0]).toContain('tabindex="0"');
    expect(markers[0]).toContain('aria-label="Set a price alert at the breakeven 4992.35"');
    expect(markers[1]).toContain('data-level="5007.65"');
  });

  it('draws the alert levels inside the axis and the expected-move band', () => {
    const html = render(props({ alertLevels: [5020, 6000] }));
    expect(html.match(/data-testid="rg-alert-line"[^>]*/g)).toEqual([expect.stringContaining('data-level="5020.00"')]);
    expect(html).toContain('data-testid="rg-em-band"');
    expect(render(props({ expectedMove: undefined }))).not.toContain('rg-em-band');
  });

  it('stacks the labels of alert levels too close to read side by side', () => {
    const html = render(props({ alertLevels: [5021, 5020, 5020] }));
    const labels = [...html.matchAll(/<text[^>]*y="([\d.]+)"[^>]*>alert (\d+\.\d+)<\/text>/g)].map((m) => [m[2], Number(m[1])]);
    expect(labels.map(([level]) => level)).toEqual(['5020.00', '5021.00']);
    expect(labels[0]?.[1]).not.toBe(labels[1]?.[1]);
  });

  it('leaves out breakevens and spots the axis does not show', () => {
    const html = render(props({ axis: { from: 5000, to: 5030 }, liveSpot: 4980, whatIfSpot: 4980 }));
    expect(count(html, /data-testid="rg-breakeven-marker"/g)).toBe(1);
    expect(html).not.toContain('spot 4980.00');
    expect(html).not.toContain('what-if 4980.00');
  });

  it('marks the live and what-if spots', () => {
    const html = render(props());
    expect(html).toContain('spot 5003.50');
    expect(html).toContain('what-if 5003.50');
  });

  it('has labelled zoom buttons and a focusable plot that says how to use it', () => {
    const html = render(props());
    for (const [id, label] of [
      ['rg-zoom-in', 'Zoom in on the risk graph'],
      ['rg-zoom-out', 'Zoom out of the risk graph'],
      ['rg-zoom-reset', 'Fit the risk graph to the positions'],
    ]) {
      expect(html).toMatch(new RegExp(`<button[^>]*data-testid="${id}"[^>]*aria-label="${label}"|<button[^>]*aria-label="${label}"[^>]*data-testid="${id}"`));
    }
    expect(html).toMatch(/<div class="rg-plot"[^>]*tabindex="0"[^>]*role="group"[^>]*aria-label="Risk graph from 4970 to 5030"/);
    expect(html).toContain('Breakevens 4992.35, 5007.65');
    expect(html).not.toContain('data-testid="rg-crosshair"');
  });

  it('draws each position’s own line when there are several', () => {
    const html = render(
      props({
        positionLines: [
          { id: 'open:1', kind: 'open', name: 'Fly', expiry: spots.map(flyExpiry) },
          { id: 'saved:2', kind: 'saved', name: 'Fly 2', expiry: spots.map((s) => flyExpiry(s) / 2) },
        ],
      }),
    );
    expect(html).toContain('class="rg-line rg-line-open"');
    expect(html).toContain('class="rg-line rg-line-saved"');
    expect(html).toContain('Expiry (all)');
  });
});

describe('RiskChartCrosshair', () => {
  it('reads every curve at the price, interpolated, expiry first', () => {
    const frame = chartFrame(600, 300, ['$800']);
    const html = renderToStaticMarkup(<RiskChartCrosshair price={5002.5} x={300} y={100} frame={frame} spots={spots} curves={curves} announce={false} />);
    expect(html).toContain('data-testid="rg-crosshair"');
    expect(html).toContain('data-price="5002.50"');
    // Expiry at 5002.5: (12.5 − 2 × 2.5 − 2.35) × 100 = 515; the date curve 60% of it, today 30%.
    const values = [...html.matchAll(/data-curve="([^"]+)"><span class="rg-readout-label">[^<]*<\/span><span[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(values).toEqual([
      ['expiry', '+$515.00'],
      ['d1', '+$309.00'],
      ['today', '+$154.50'],
    ]);
  });
});
