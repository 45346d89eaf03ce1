import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { wallAlertBody } from './level-alerts';
import { WallAlertButtons } from './WallAlertButtons';

describe('wallAlertBody', () => {
  it('alerts on the way up to a call wall above spot and down to a put wall below, naming the wall', () => {
    expect(wallAlertBody('SPX', 'call', 6050, 6001)).toEqual({
      kind: 'price',
      symbol: 'SPX',
      level: 6050,
      direction: 'above',
      source: 'gex-wall',
      sourceRef: 'call-wall:6050',
      label: 'SPX call wall 6050',
    });
    expect(wallAlertBody('SPX', 'put', 5950, 6001).direction).toBe('below');
    expect(wallAlertBody('SPX', 'put', 5950, undefined).direction).toBe('cross');
  });
});

describe('WallAlertButtons', () => {
  it('offers an alert at each wall the model has', () => {
    const html = renderToStaticMarkup(<WallAlertButtons symbol="SPX" callWall={6050} putWall={undefined} spot={6001} />);
    expect(html.match(/data-testid="gex-wall-alert"/g)).toHaveLength(1);
    expect(html).toContain('data-wall="call"');
    expect(html).toContain('aria-label="Alert me when SPX reaches the call wall 6050"');
  });
});
