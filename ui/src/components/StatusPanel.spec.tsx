import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StatusView } from './StatusPanel';

const noop = () => undefined;
const health = { status: 'ok', service: 'sse', version: '0.1.0', pid: 1, uptimeSec: 3725, truthVersion: 'v-7f3a' } as const;

describe(StatusView.name, () => {
  it('shows service, version, truth version and uptime when the backend is healthy', () => {
    const html = renderToStaticMarkup(<StatusView state={{ kind: 'ok', health, checkedAt: new Date(0) }} onRetry={noop} />);
    expect(html).toContain('<dd>sse</dd>');
    expect(html).toContain('<dd>0.1.0</dd>');
    expect(html).toContain('<dd>v-7f3a</dd>');
    expect(html).toContain('<dd>1h 02m</dd>');
    expect(html).toContain('online');
  });

  it('says when truth is not loaded', () => {
    const html = renderToStaticMarkup(<StatusView state={{ kind: 'ok', health: { ...health, truthVersion: null }, checkedAt: new Date(0) }} onRetry={noop} />);
    expect(html).toContain('<dd>not loaded</dd>');
  });

  it('shows the error as an alert with a retry button', () => {
    const html = renderToStaticMarkup(<StatusView state={{ kind: 'error', message: '502: bad gateway' }} onRetry={noop} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('502: bad gateway');
    expect(html).toContain('>Retry</button>');
    expect(html).toContain('offline');
    expect(html).not.toContain('<dl');
  });

  it('shows a busy panel without a button while loading', () => {
    const html = renderToStaticMarkup(<StatusView state={{ kind: 'loading' }} onRetry={noop} />);
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toContain('<button');
  });
});
