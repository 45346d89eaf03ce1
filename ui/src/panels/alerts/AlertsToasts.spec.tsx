import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AlertItem } from '../../stores/workspace-stores';
import { AlertsBellView, ToastStack } from './AlertsToasts';

// The views the containers hand the toasts and alerts to (arrival rules: arrivals.spec.ts).
const NOW = Date.UTC(2026, 0, 5, 15, 30, 0);
const alert = (id: string, severity: AlertItem['severity'], message = `message ${id}`, ts = NOW): AlertItem => ({ id, message, severity, ts });
const noop = () => undefined;

describe(ToastStack.name, () => {
  it('renders an empty polite live region', () => {
    const html = renderToStaticMarkup(<ToastStack toasts={[]} onDismiss={noop} />);
    expect(html).toContain('data-testid="toasts"');
    expect(html).toContain('aria-live="polite"');
    expect(html).not.toContain('data-testid="toast"');
  });

  it('renders toasts newest first with severity, role=alert only for critical ones, and a dismiss button', () => {
    const html = renderToStaticMarkup(<ToastStack toasts={[alert('b', 'critical'), alert('a', 'warning')]} onDismiss={noop} />);
    const toasts = [...html.matchAll(/<div class="alerts-toast" data-testid="toast" data-severity="(\w+)" data-id="(\w+)"( role="alert")?/g)].map((m) => [m[1], m[2], m[3] !== undefined]);
    expect(toasts).toEqual([
      ['critical', 'b', true],
      ['warning', 'a', false],
    ]);
    expect(html).toContain('aria-label="Dismiss critical alert"');
    expect(html).toContain('>Critical</span>');
  });

  it('renders messages as text', () => {
    const html = renderToStaticMarkup(<ToastStack toasts={[alert('x', 'info', '<img src=x onerror=alert(1)>')]} onDismiss={noop} />);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});

describe(AlertsBellView.name, () => {
  it('shows the unread count on the button', () => {
    const html = renderToStaticMarkup(<AlertsBellView unread={3} open={false} recent={[]} now={NOW} onToggle={noop} onClose={noop} />);
    expect(html).toContain('data-testid="alerts-bell" data-unread="3"');
    expect(html).toContain('aria-label="Alerts, 3 unread"');
    expect(html).toContain('aria-expanded="false"');
    expect(html).not.toContain('data-testid="alerts-menu"');
  });

  it('hides the count at zero and caps it at 99+', () => {
    expect(renderToStaticMarkup(<AlertsBellView unread={0} open={false} recent={[]} now={NOW} onToggle={noop} onClose={noop} />)).toContain(
      'data-unread="0"',
    );
    expect(renderToStaticMarkup(<AlertsBellView unread={0} open={false} recent={[]} now={NOW} onToggle={noop} onClose={noop} />)).toMatch(/hidden=""/);
    expect(renderToStaticMarkup(<AlertsBellView unread={120} open={false} recent={[]} now={NOW} onToggle={noop} onClose={noop} />)).toContain('>99+</span>');
  });

  it('lists recent alerts when open', () => {
    const recent = [alert('b', 'critical', 'Margin call', NOW - 90_000), alert('a', 'info', 'Filled', NOW - 5_000)];
    const html = renderToStaticMarkup(<AlertsBellView unread={0} open recent={recent} now={NOW} onToggle={noop} onClose={noop} />);
    expect(html).toContain('aria-expanded="true"');
    expect(html).toContain('data-testid="alerts-menu"');
    expect([...html.matchAll(/data-testid="alerts-menu-item" data-id="(\w)" data-severity="(\w+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['b', 'critical'],
      ['a', 'info'],
    ]);
    expect(html).toContain('Margin call');
    expect(html).toContain('>1m</time>');
    expect(html).toContain('>5s</time>');
  });

  it('says when there are no alerts', () => {
    expect(renderToStaticMarkup(<AlertsBellView unread={0} open recent={[]} now={NOW} onToggle={noop} onClose={noop} />)).toContain('No alerts yet.');
  });
});
