import { hasOptions } from '@marketswarm/shared/models';
import { useId } from 'react';
import { useKeyed } from '../../stores/hooks';
import { MARKET_WIDE, type BiasState, type ModeState } from '../../stores/workspace-stores';
import { useWorkspace } from '../../workspace/workspace-context';
import { noOptionsText } from '../gex/no-options-text';
import { bandPath, biasFill, biasLean, clampScore, formatSigned, MODE_BANDS, needleRotation, polar, scoreToAngle, type MarketMode } from './mode-geometry';
import './market-mode.css';

/**
 * Gauge coordinates (viewBox units): centre at the bottom middle, the box tight around the arc and
 * the hub, so the drawing scales to whatever height the panel gives it. Text stays outside the svg
 * (it would shrink with the gauge and become unreadable).
 */
const G = { width: 200, height: 108, cx: 100, cy: 100, outer: 92, inner: 68, needle: 84 } as const;

const MODE_LABEL: Record<MarketMode, string> = { compression: 'Compression', transition: 'Transition', expansion: 'Expansion' };

/** Market mode and directional bias of the workspace symbol, else market-wide. */
export function MarketModePanel() {
  const { stores, symbol } = useWorkspace();
  const symbolMode = useKeyed(stores.mode, symbol);
  const marketMode = useKeyed(stores.mode, MARKET_WIDE);
  const symbolBias = useKeyed(stores.bias, symbol);
  const marketBias = useKeyed(stores.bias, MARKET_WIDE);
  return (
    <MarketModeView
      symbol={symbol}
      mode={symbolMode ?? marketMode}
      modeIsMarketWide={symbolMode === undefined && marketMode !== undefined}
      bias={symbolBias ?? marketBias}
      biasIsMarketWide={symbolBias === undefined && marketBias !== undefined}
    />
  );
}

export interface MarketModeViewProps {
  symbol: string;
  mode: Pick<ModeState, 'mode' | 'score'> | undefined;
  modeIsMarketWide: boolean;
  bias: Pick<BiasState, 'bias' | 'lfi'> | undefined;
  biasIsMarketWide: boolean;
}

/** The panel drawn from values alone (testable without stores or a browser). */
export function MarketModeView({ symbol, mode, modeIsMarketWide, bias, biasIsMarketWide }: MarketModeViewProps) {
  if (!hasOptions(symbol)) {
    // Mode and bias read the symbol's chain (bias sits against its gamma flip): none for this one.
    return (
      <div className="mm" data-testid="market-mode">
        <p className="mm-no-options muted" role="status" data-testid="no-options">
          {noOptionsText(symbol, 'market mode and bias are')}
        </p>
      </div>
    );
  }
  const score = mode === undefined ? undefined : clampScore(mode.score);
  // The workspace frame gives the panel its title; this is the body.
  return (
    <div className="mm" data-testid="market-mode" data-mode={mode?.mode}>
      <div className="mm-layout">
        <div className="mm-gauge">
          <span className="mm-scope muted">Mode · {modeIsMarketWide ? 'market-wide' : symbol}</span>
          <svg
            className="mm-svg"
            viewBox={`0 0 ${G.width} ${G.height}`}
            // The arc hugs the reading below it when the box is taller than the gauge needs.
            preserveAspectRatio="xMidYMax meet"
            role="img"
            aria-label={mode === undefined || score === undefined ? 'Market mode not known yet' : `Market mode ${mode.mode}, score ${Math.round(score)} of 100`}
          >
            {MODE_BANDS.map((b) => (
              <path
                key={b.mode}
                className={`mm-band mm-band-${b.mode}${mode?.mode === b.mode ? ' mm-band-active' : ''}`}
                d={bandPath(G.cx, G.cy, G.outer, G.inner, b.from, b.to)}
              />
            ))}
            {[40, 60].map((s) => {
              const a = polar(G.cx, G.cy, G.inner - 2, scoreToAngle(s));
              const b = polar(G.cx, G.cy, G.outer + 2, scoreToAngle(s));
              return <line key={s} className="mm-boundary" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />;
            })}
            {score !== undefined && (
              <g className="mm-needle" style={{ transform: `rotate(${needleRotation(score)}deg)`, transformOrigin: `${G.cx}px ${G.cy}px` }}>
                <line x1={G.cx} y1={G.cy} x2={G.cx - G.needle} y2={G.cy} />
              </g>
            )}
            <circle className="mm-hub" cx={G.cx} cy={G.cy} r={5} />
          </svg>
          <div className="mm-reading">
            <span className={`mm-mode${mode ? ` mm-mode-${mode.mode}` : ''}`}>{mode ? MODE_LABEL[mode.mode] : 'Waiting…'}</span>
            <span className="mm-score mono">{score === undefined ? '—' : score.toFixed(0)}</span>
            <span className="mm-of muted mono" aria-hidden="true">
              /100
            </span>
          </div>
        </div>

        <BiasBar bias={bias} isMarketWide={biasIsMarketWide} symbol={symbol} />
      </div>
    </div>
  );
}

function BiasBar({ bias, isMarketWide, symbol }: { bias: MarketModeViewProps['bias']; isMarketWide: boolean; symbol: string }) {
  const labelId = useId();
  const fill = bias === undefined ? undefined : biasFill(bias.bias);
  const lean = bias === undefined ? undefined : biasLean(bias.bias);
  const lfi = bias?.lfi;
  return (
    <div className="mm-bias">
      <div className="mm-bias-head">
        <span id={labelId}>
          Bias <span className="muted">{isMarketWide ? 'market-wide' : symbol}</span>
        </span>
        <span className={`mm-bias-value mono${lean ? ` mm-lean-${lean}` : ''}`}>{bias === undefined ? '—' : formatSigned(bias.bias)}</span>
      </div>
      <div
        className="mm-bias-track"
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={-1}
        aria-valuemax={1}
        {...(bias === undefined ? {} : { 'aria-valuenow': bias.bias, 'aria-valuetext': `${formatSigned(bias.bias)} ${lean ?? ''}`.trim() })}
      >
        {fill && <span className={`mm-bias-fill mm-lean-${lean}`} style={{ left: `${fill.left}%`, width: `${fill.width}%` }} />}
        <span className="mm-bias-centre" />
      </div>
      <div className="mm-bias-scale muted">
        <span>Bearish</span>
        <span>Bullish</span>
      </div>
      <dl className="mm-lfi">
        <dt title="Liquidity flow index: net dealer gamma, −1…+1">LFI</dt>
        <dd className="mono">{lfi === undefined ? '—' : formatSigned(lfi)}</dd>
        <dd className="muted mm-lfi-note">{lfi === undefined ? '' : lfi > 0 ? 'long gamma · damped' : lfi < 0 ? 'short gamma · amplified' : 'flat gamma'}</dd>
      </dl>
    </div>
  );
}
