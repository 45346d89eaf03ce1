import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChartLevelAlertView } from './ChartLevelAlert';
import { formatLevel } from './chart-level';

const render = (props: Partial<Parameters<typeof ChartLevelAlertView>[0]>): string =>
  renderToStaticMarkup(<ChartLevelAlertView symbol="SPX" level={undefined} status={undefined} busy={false} onAlert={() => undefined} {...props} />);

describe('ChartLevelAlertView', () => {
  it('offers nothing until the chart is clicked, but keeps its status region in the page', () => {
    const html = render({});
    expect(html).not.toContain('data-testid="chart-level-alert"');
    expect(html).toMatch(/<span[^>]*data-testid="chart-level-alert-status"[^>]*role="status"><\/span>/);
  });

  it('offers an alert at the clicked level with the level for e2e', () => {
    const html = render({ level: 5012.25 });
    const button = html.match(/<button[^>]*data-testid="chart-level-alert"[^>]*>[^<]*<\/button>/)?.[0] ?? '';
    expect(button).toContain('data-level="5012.25"');
    expect(button).toContain(`>Alert at ${formatLevel(5012.25)}</button>`);
    expect(button).not.toContain('disabled');
  });

  it('shows the outcome, an error in the error style, and holds the button while sending', () => {
    const sending = render({ level: 5000, busy: true, status: { ok: true, text: 'Setting an alert…' } });
    expect(sending).toMatch(/data-testid="chart-level-alert"[^>]*disabled=""/);
    expect(sending).toContain('>Setting an alert…</span>');
    const failed = render({ level: 5000, status: { ok: false, text: 'No alert at 5,000.00: offline' } });
    expect(failed).toContain('class="candles-level-status candles-level-error"');
    expect(failed).toContain('No alert at 5,000.00: offline');
  });
});
