import type { AlertDto, AlertHitDto } from '@marketswarm/shared/dto';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultAlertForm } from '../../alerts-api/alert-form';
import { AlertForm } from './AlertForm';
import { AlertHistoryView, AlertsView, type AlertsViewProps } from './AlertsView';

const NOW = Date.UTC(2026, 0, 2, 15);
const book = { label: null, cooldownSec: null, enabled: true, createdAt: NOW, updatedAt: NOW, lastFiredAt: null, hitCount: 0 };
const alerts: AlertDto[] = [
  { ...book, id: 'a1', kind: 'price', symbol: 'SPX', level: 5007.65, direction: 'above', source: 'breakeven', sourceRef: null, behaviour: 'once', lastFiredAt: NOW - 5 * 60_000, hitCount: 3 },
  { ...book, id: 'a2', kind: 'trailing-stop', symbol: 'NDX', side: 'long', trail: 50, trailUnit: 'points', behaviour: 'repeat', cooldownSec: 120, enabled: false, label: 'protect' },
];

const never = (): Promise<never> => Promise.reject(new Error('not in this spec'));
const props = (over: Partial<AlertsViewProps> = {}): AlertsViewProps => ({
  alerts,
  loading: false,
  error: null,
  onRetry: () => undefined,
  positions: [],
  names: {},
  now: NOW,
  onCreate: never,
  onEdit: never,
  onToggle: () => undefined,
  onDelete: () => undefined,
  history: () => null,
  sound: false,
  onSound: () => undefined,
  ...over,
});

describe('AlertsView', () => {
  it('lists each alert with its kind, condition in words, behaviour, switch, last fire and hits', () => {
    const html = renderToStaticMarkup(<AlertsView {...props()} />);
    const rows = html.match(/<tr data-testid="alert-row"[^>]*>/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('data-alert-id="a1"');
    expect(rows[1]).toContain('data-enabled="false"');
    expect(html).toContain('SPX rises to 5007.65 or above (breakeven)');
    expect(html).toContain('NDX falls 50 points from its high since armed');
    expect(html).toContain('Repeats, at most every 2 min');
    expect(html).toContain('5m ago');
    expect(html).toContain('never');
    expect(html).toMatch(/data-testid="alert-hits">3</);
    const toggles = html.match(/<input type="checkbox" data-testid="alert-toggle"[^>]*>/g) ?? [];
    expect(toggles[0]).toContain('checked=""');
    expect(toggles[1]).not.toContain('checked=""');
  });

  it('has the create form, a price alert by default', () => {
    const html = renderToStaticMarkup(<AlertsView {...props()} />);
    expect(html).toContain('data-testid="alerts-create-form"');
    expect(html).toMatch(/<select[^>]*name="kind"[^>]*>.*<option value="price" selected="">Price<\/option>/s);
    expect(html).toContain('name="level"');
    expect(html).not.toContain('name="cooldownSec"');
  });

  it('says when there are no alerts yet, and what failed with a retry', () => {
    expect(renderToStaticMarkup(<AlertsView {...props({ alerts: [] })} />)).toContain('data-testid="alerts-empty"');
    const failed = renderToStaticMarkup(<AlertsView {...props({ alerts: undefined, error: new Error('502: journal down') })} />);
    expect(failed).toContain('502: journal down');
    expect(failed).toContain('Try again');
  });

  it('shows the recent hits under the table', () => {
    const html = renderToStaticMarkup(<AlertsView {...props({ recentHits: <section data-testid="recent-hits" /> })} />);
    expect(html.indexOf('data-testid="recent-hits"')).toBeGreaterThan(html.indexOf('data-testid="alert-row"'));
  });

  it('keeps the sound off until switched on', () => {
    expect(renderToStaticMarkup(<AlertsView {...props()} />)).toMatch(/<input type="checkbox" data-testid="alert-sound"\/>/);
    expect(renderToStaticMarkup(<AlertsView {...props({ sound: true })} />)).toMatch(/data-testid="alert-sound" checked=""/);
  });
});

describe('AlertForm', () => {
  it('shows each message under its field, linked for screen readers', () => {
    const html = renderToStaticMarkup(<AlertForm mode="create" initial={defaultAlertForm()} positions={[]} onSubmit={never} initialErrors={{ level: 'must be positive' }} />);
    expect(html).toMatch(/<input[^>]*aria-invalid="true"[^>]*aria-describedby="([^"]+)-level-error"[^>]*name="level"/);
    expect(html).toContain('data-testid="alert-error-level">must be positive</span>');
  });

  it('asks for a cooldown on a repeating alert, and for a saved position on a P&L alert', () => {
    const html = renderToStaticMarkup(
      <AlertForm
        mode="edit"
        initial={{ ...defaultAlertForm(), kind: 'position-pnl', behaviour: 'repeat' }}
        positions={[{ id: 'p1', name: 'Lunch fly', symbol: 'SPX', legs: [], quantity: 1, entryPrice: 1, createdAt: 1, updatedAt: 1 }]}
        onSubmit={never}
      />,
    );
    expect(html).toContain('name="cooldownSec"');
    expect(html).toContain('<option value="p1">Lunch fly</option>');
    expect(html).toContain('data-testid="alerts-edit-form"');
    expect(html).not.toContain('name="kind"');
  });
});

describe('AlertHistoryView', () => {
  it('lists the hits newest first with what the evaluator saw', () => {
    const hits: AlertHitDto[] = [
      { id: 'h2', alertId: 'a1', at: NOW - 60_000, message: 'SPX rose to 5008.10', value: 5008.1 },
      { id: 'h1', alertId: 'a1', at: NOW - 3_600_000, message: 'SPX rose to 5007.90', value: null },
    ];
    const html = renderToStaticMarkup(<AlertHistoryView hits={hits} loading={false} error={null} now={NOW} />);
    expect(html.indexOf('5008.10')).toBeLessThan(html.indexOf('5007.90'));
    expect(html).toContain('1m ago');
    expect(html).toContain('(5008.1)');
    expect(renderToStaticMarkup(<AlertHistoryView hits={[]} loading={false} error={null} now={NOW} />)).toContain('It has not fired yet.');
  });
});
