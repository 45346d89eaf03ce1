import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarketModeView, type MarketModeViewProps } from './MarketModePanel';

// MarketModePanel only picks the symbol's values, else the market-wide ones, from the stores.
const render = (props: Partial<MarketModeViewProps>): string =>
  renderToStaticMarkup(<MarketModeView symbol="SPX" mode={undefined} modeIsMarketWide={false} bias={undefined} biasIsMarketWide={false} {...props} />);

describe(MarketModeView.name, () => {
  it('says at once that VIX has no options, even with market-wide values around', () => {
    const html = render({ symbol: 'VIX', mode: { mode: 'expansion', score: 72 }, modeIsMarketWide: true });
    expect(html).toContain('data-testid="market-mode"');
    expect(html).toContain('data-testid="no-options"');
    expect(html).toContain('VIX has no listed options here: market mode and bias are computed for SPX, NDX, RUT, SPY and QQQ.');
    expect(html).not.toContain('Waiting');
    expect(html).not.toContain('<svg');
  });

  it('shows the mode, the score and a needle at the score', () => {
    const html = render({ mode: { mode: 'expansion', score: 72 } });
    expect(html).toContain('data-testid="market-mode"');
    expect(html).toContain('data-mode="expansion"');
    expect(html).toContain('Expansion');
    expect(html).toContain('>72</span>');
    expect(html).toContain('rotate(129.6deg)');
    expect(html).toContain('mm-band mm-band-expansion mm-band-active');
    expect(html).toContain('aria-label="Market mode expansion, score 72 of 100"');
  });

  it('scales the gauge to its box and keeps the text outside it, where it stays readable', () => {
    const html = render({ mode: { mode: 'transition', score: 47 } });
    expect(html).toContain('preserveAspectRatio="xMidYMax meet"');
    expect(html).not.toContain('<text');
    expect(html).toContain('>47</span>');
    expect(html).toContain('/100');
  });

  it('waits without a needle or data-mode before the first mode', () => {
    const html = render({});
    expect(html).not.toContain('data-mode');
    expect(html).not.toContain('mm-needle');
    expect(html).toContain('Waiting…');
    expect(html.match(/class="mm-band /g)).toHaveLength(3);
  });

  it('says when the values are market-wide', () => {
    const html = render({ mode: { mode: 'compression', score: 20 }, modeIsMarketWide: true, bias: { bias: 0.3, lfi: -0.25 }, biasIsMarketWide: true });
    expect(html).toContain('Mode · market-wide');
    expect(html).toContain('Bias <span class="muted">market-wide</span>');
  });

  it('draws the bias bar from the centre and the LFI', () => {
    const html = render({ bias: { bias: -0.5, lfi: 0.35 } });
    expect(html).toContain('left:25%;width:25%');
    expect(html).toContain('mm-bias-fill mm-lean-bearish');
    expect(html).toContain('aria-valuenow="-0.5"');
    expect(html).toContain('\u22120.50');
    expect(html).toContain('+0.35');
    expect(html).toContain('long gamma');
  });

  it('shows dashes while bias is unknown', () => {
    const html = render({ mode: { mode: 'transition', score: 50 } });
    expect(html).not.toContain('mm-bias-fill');
    expect(html).not.toContain('aria-valuenow');
    expect(html.match(/>—</g)).toHaveLength(2);
  });
});
