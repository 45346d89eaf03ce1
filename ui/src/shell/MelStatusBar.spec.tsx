import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MelDetail } from '../copilot/MelDetail';
import type { MelFeedState } from '../copilot/mel-feed';
import { melModel, melSnapshot } from '../copilot/testing/mel-fixture';
import { MelStatusBarView } from './MelStatusBar';

const noop = () => undefined;
const state = (over: Partial<MelFeedState>): MelFeedState => ({ dte: 0, snapshot: undefined, status: 'open', error: undefined, ...over });
const render = (s: MelFeedState, open = false) =>
  renderToStaticMarkup(
    <MelStatusBarView state={s} dteChoices={[0, 1, 2, 5, 7]} onDte={noop} open={open} onToggle={noop} onClose={noop} detail={s.snapshot ? <MelDetail snapshot={s.snapshot} /> : null} />,
  );

describe(MelStatusBarView.name, () => {
  it('shows the global integrity in its state colour and one pill per model with its state', () => {
    const snapshot = melSnapshot({
      globalIntegrity: 62,
      coherence: 'mixed',
      models: {
        gamma: melModel('gamma', 45),
        volumeProfile: melModel('volumeProfile', 72),
        liquidity: melModel('liquidity', 88),
        volatility: melModel('volatility', 55),
        session: melModel('session', 90),
      },
    });
    const html = render(state({ snapshot }));
    expect(html).toContain('data-testid="mel-global" data-state="DEGRADED">62</span>');
    expect([...html.matchAll(/data-testid="mel-pill" data-model="(\w+)" data-state="(\w+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['gamma', 'REVOKED'],
      ['volumeProfile', 'VALID'],
      ['liquidity', 'VALID'],
      ['volatility', 'DEGRADED'],
      ['session', 'VALID'],
    ]);
    expect(html).toContain('aria-label="Model integrity 62, DEGRADED, models mixed"');
    expect(html).not.toContain('data-testid="mel-detail"');
  });

  it('says it is waiting or disconnected before the first snapshot, and cannot open an empty detail', () => {
    expect(render(state({}))).toContain('aria-label="Model integrity: waiting for the first score"');
    const offline = render(state({ status: 'reconnecting' }), true);
    expect(offline).toContain('aria-label="Model integrity: not connected"');
    expect(offline).toContain('data-testid="mel-global">–</span>');
    expect(offline).toContain('disabled=""');
    expect(offline).not.toContain('role="dialog"');
  });

  it('selects the DTE of the connection, and lists a saved DTE the choices lack', () => {
    expect(render(state({ dte: 2 }))).toMatch(/<option value="2" selected="">2DTE<\/option>/);
    const html = render(state({ dte: 3 }));
    expect([...html.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([0, 1, 2, 3, 5, 7]);
  });

  it("opens the detail with each model's score, trend, confidence and components", () => {
    const snapshot = melSnapshot({
      globalIntegrity: 77,
      models: {
        gamma: melModel('gamma', 81, { trend: 'improving', confidence: 0.8, components: { levelRespect: 90, pin: 64 } }),
        volumeProfile: melModel('volumeProfile', 72),
        liquidity: melModel('liquidity', 70),
        volatility: melModel('volatility', 75),
        session: melModel('session', 80),
      },
    });
    const html = render(state({ snapshot }), true);
    expect(html).toContain('role="dialog"');
    expect(html).toContain('data-testid="mel-detail-model" data-model="gamma" data-state="VALID"');
    expect(html).toContain('↑ improving');
    expect(html).toContain('confidence 80% · weight 30%');
    expect(html).toContain('<dt>Level respect</dt><dd>90</dd>');
    expect(html).toContain('<dt>Pin</dt><dd>64</dd>');
  });
});
