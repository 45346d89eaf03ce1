import type { RetrospectiveDto } from '@marketswarm/shared/dto';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RetrospectiveFormView, RetrospectiveListView } from './RetrospectivesPage';

const noop = () => undefined;

const retro = (patch: Partial<RetrospectiveDto>): RetrospectiveDto => ({
  id: '44444444-4444-4444-8444-444444444444',
  period: 'week',
  start: '2026-12-07',
  end: '2026-12-13',
  content: '<p>Waited for the flip.</p>',
  tradeIds: [],
  figures: { netPnl: 820.5, trades: 6, wins: 4, losses: 2, winRate: 4 / 6 },
  createdAt: 0,
  updatedAt: 0,
  ...patch,
});

describe(RetrospectiveListView.name, () => {
  it('shows each period with its figures, content, edit and delete', () => {
    const html = renderToStaticMarkup(
      <RetrospectiveListView
        retrospectives={[retro({}), retro({ id: 'm', period: 'month', start: '2026-11-01', end: '2026-11-30', figures: { netPnl: -40, trades: 20, wins: 9, losses: 11, winRate: 0.45 } })]}
        error={undefined}
        filter={undefined}
        onFilter={noop}
        onEdit={noop}
        onDelete={noop}
      />,
    );
    expect(html.match(/data-testid="retro"/g)).toHaveLength(2);
    expect(html).toContain('Week of Dec 7 – Dec 13, 2026');
    expect(html).toContain('November 2026');
    expect(html).toContain('+820.50');
    expect(html).toContain('6 trades · 4W/2L · win rate 66.7%');
    expect(html).toContain('−40.00');
    expect(html).toContain('Waited for the flip.');
    expect(html.match(/data-testid="retro-edit"/g)).toHaveLength(2);
  });

  it('marks the period filter and has an empty state', () => {
    const html = renderToStaticMarkup(<RetrospectiveListView retrospectives={[]} error={undefined} filter="month" onFilter={noop} onEdit={noop} onDelete={noop} />);
    expect(html).toContain('aria-pressed="true">Months</button>');
    expect(html).toContain('No retrospectives yet.');
  });
});

describe(RetrospectiveFormView.name, () => {
  it('edits a week with a date picker and names the week', () => {
    const html = renderToStaticMarkup(
      <RetrospectiveFormView draft={{ id: undefined, period: 'week', start: '2026-12-07', content: '' }} errors={{}} message={undefined} saving={false} onDraft={noop} onSubmit={noop} onCancel={noop} editor={<div data-testid="editor-slot" />} />,
    );
    expect(html).toContain('New retrospective');
    expect(html).toContain('type="date"');
    expect(html).toContain('Week of Dec 7 – Dec 13, 2026');
    expect(html).toContain('data-testid="editor-slot"');
  });

  it('edits a month with a month picker and shows a refused start', () => {
    const html = renderToStaticMarkup(
      <RetrospectiveFormView
        draft={{ id: 'r1', period: 'month', start: '2026-12-01', content: '' }}
        errors={{ start: 'must be the 1st of a month' }}
        message="Check the highlighted fields."
        saving={false}
        onDraft={noop}
        onSubmit={noop}
        onCancel={noop}
        editor={null}
      />,
    );
    expect(html).toContain('Edit retrospective');
    expect(html).toContain('type="month"');
    expect(html).toContain('value="2026-12"');
    expect(html).toContain('must be the 1st of a month');
  });
});
