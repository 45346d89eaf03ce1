import type { AlertRecentHitDto } from '@marketswarm/shared/dto';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RecentHitsView, type RecentHitsViewProps } from './RecentHitsView';

const NOW = Date.UTC(2026, 0, 2, 15);
const hits: AlertRecentHitDto[] = [
  { id: 'h3', alertId: 'gone', at: NOW - 60_000, message: 'SPX rose to 5010.25', value: 5010.25, label: 'breakout', kind: 'price' },
  { id: 'h2', alertId: 'a2', at: NOW - 5 * 60_000, message: 'Lunch fly P&L reached 250', value: null, label: null, kind: 'position-pnl' },
];
const props = (over: Partial<RecentHitsViewProps> = {}): RecentHitsViewProps => ({ hits, loading: false, error: null, now: NOW, alertIds: new Set(['a2']), ...over });

describe('RecentHitsView', () => {
  it("lists the latest hits across alerts newest first, with each alert's kind, label and what was seen", () => {
    const html = renderToStaticMarkup(<RecentHitsView {...props()} />);
    const rows = html.match(/<li data-testid="recent-hit"[^>]*>/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('data-alert-id="gone"');
    expect(html.indexOf('SPX rose to 5010.25')).toBeLessThan(html.indexOf('Lunch fly P&amp;L reached 250'));
    expect(html).toContain('1m ago');
    expect(html).toContain('Price');
    expect(html).toContain(' — breakout');
    expect(html).toContain('Position P&amp;L');
    expect(html).toContain('(5010.25)');
  });

  it('marks the hit of an alert the trader no longer has (a remove-on-hit alert), once the list is known', () => {
    const html = renderToStaticMarkup(<RecentHitsView {...props()} />);
    expect(html).toMatch(/data-alert-id="gone" data-removed="true"/);
    expect(html).toMatch(/data-alert-id="a2" data-removed="false"/);
    expect(html.match(/\(alert removed\)/g)).toHaveLength(1);
    expect(renderToStaticMarkup(<RecentHitsView {...props({ alertIds: undefined })} />)).not.toContain('(alert removed)');
  });

  it('says when nothing has fired yet, and what failed', () => {
    expect(renderToStaticMarkup(<RecentHitsView {...props({ hits: [] })} />)).toContain('No alert has fired yet.');
    expect(renderToStaticMarkup(<RecentHitsView {...props({ hits: undefined, loading: true })} />)).toContain('Loading recent hits…');
    expect(renderToStaticMarkup(<RecentHitsView {...props({ hits: undefined, error: new Error('502: journal down') })} />)).toContain('502: journal down');
  });
});
