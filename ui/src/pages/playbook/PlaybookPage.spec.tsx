import type { PlaybookStatsDto } from '@marketswarm/shared/dto';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { newEntryDraft, newMissedDraft, sectionEntries } from './playbook-form';
import { EntryFormView, GroupsView, MissedFormView, MissedListView, PlaybookEntriesView, PlaybookStatsView } from './PlaybookPage';
import { entry, ID } from './testing/playbook-fixtures';

const noop = () => undefined;

describe(PlaybookEntriesView.name, () => {
  const groups = [{ id: ID(100), name: 'Opening range', kind: 'entry' as const, position: 0, createdAt: 0, updatedAt: 0 }];

  it('shows entries under their groups with kind, status, labels and actions', () => {
    const entries = [entry(1, { groupId: ID(100), tags: ['open'], body: 'Wait for the first 30 minutes.\n<b>no html</b>' }), entry(2, { kind: 'warning', status: 'retired' })];
    const html = renderToStaticMarkup(<PlaybookEntriesView sections={sectionEntries(entries, groups)} onEdit={noop} onStatus={noop} onDelete={noop} />);
    expect(html.match(/data-testid="playbook-section"/g)).toHaveLength(2);
    expect(html).toContain('Opening range · Entry');
    expect(html).toContain('Ungrouped');
    expect(html).toContain('#open');
    expect(html).toContain('data-kind="warning" data-status="retired"');
    // Bodies are text, never markup.
    expect(html).toContain('&lt;b&gt;no html&lt;/b&gt;');
    expect(html.match(/data-testid="playbook-entry-retire"/g)).toHaveLength(1);
    expect(html).toContain('>Reactivate</button>');
  });

  it('offers to activate a draft', () => {
    const html = renderToStaticMarkup(<PlaybookEntriesView sections={sectionEntries([entry(1, { status: 'draft' })], [])} onEdit={noop} onStatus={noop} onDelete={noop} />);
    expect(html).toContain('>Activate</button>');
  });
});

describe(EntryFormView.name, () => {
  it('renders the kinds, statuses and groups and marks a refused title', () => {
    const html = renderToStaticMarkup(
      <EntryFormView draft={newEntryDraft()} groups={[{ id: ID(100), name: 'Exits', kind: 'exit', position: 0, createdAt: 0, updatedAt: 0 }]} errors={{ title: 'must not be empty' }} message="Check the highlighted fields." saving={false} onDraft={noop} onSubmit={noop} onCancel={noop} />,
    );
    for (const k of ['pattern', 'rule', 'warning', 'filter', 'constraint']) expect(html).toContain(`<option value="${k}"`);
    expect(html).toContain('Exits (Exit)');
    expect(html).toContain('must not be empty');
    expect(html).toContain('New entry');
  });
});

describe(GroupsView.name, () => {
  it('lists groups with a form to add one', () => {
    const html = renderToStaticMarkup(
      <GroupsView groups={[{ id: ID(100), name: 'Exits', kind: 'exit', position: 0, createdAt: 0, updatedAt: 0 }]} name="" kind="entry" errors={{}} message={undefined} saving={false} onName={noop} onKind={noop} onSubmit={noop} onDelete={noop} />,
    );
    expect(html).toContain('data-testid="playbook-group"');
    expect(html).toContain('Market conditions');
    expect(html).toContain('Add group');
  });
});

describe(PlaybookStatsView.name, () => {
  it('shows follow rate and followed vs broken figures with the edge per trade', () => {
    const stats: PlaybookStatsDto = {
      log: 'all',
      from: null,
      to: null,
      entries: [
        {
          entryId: ID(1),
          title: 'No trades before 10:00',
          kind: 'rule',
          status: 'active',
          checked: 11,
          followRate: 8 / 11,
          followed: { trades: 8, wins: 5, losses: 3, netPnl: 1240, winRate: 0.625, profitFactor: 2.4 },
          broken: { trades: 3, wins: 0, losses: 3, netPnl: -300, winRate: 0, profitFactor: 0 },
          missed: { count: 2, estimated: 1, estimatedPnl: 350 },
        },
      ],
    };
    const html = renderToStaticMarkup(<PlaybookStatsView stats={stats} error={undefined} />);
    expect(html).toContain('data-testid="playbook-stats-row"');
    expect(html).toContain('72.7%');
    expect(html).toContain('+1,240.00');
    expect(html).toContain('62.5%');
    expect(html).toContain('2.40');
    expect(html).toContain('−300.00');
    expect(html).toContain('+255.00');
    expect(html).toContain('2 (+350.00)');
  });

  it('explains an empty table', () => {
    expect(renderToStaticMarkup(<PlaybookStatsView stats={{ log: 'all', from: null, to: null, entries: [] }} error={undefined} />)).toContain('No entries to measure yet');
  });
});

describe(MissedListView.name, () => {
  it('lists missed trades with the entry that saw them', () => {
    const html = renderToStaticMarkup(
      <MissedListView
        missed={[{ id: ID(50), entryId: ID(1), at: Date.UTC(2026, 11, 7, 15, 15), symbol: 'SPX', direction: 'long', note: 'hesitated', estimatedPnl: 350, createdAt: 0, updatedAt: 0 }]}
        error={undefined}
        entries={[entry(1)]}
        timeZone="America/New_York"
        onDelete={noop}
      />,
    );
    expect(html).toContain('Rule 1');
    expect(html).toContain('10:15');
    expect(html).toContain('+350.00');
    expect(html).toContain('hesitated');
  });
});

describe(MissedFormView.name, () => {
  it('asks for an entry first when the playbook is empty', () => {
    const html = renderToStaticMarkup(<MissedFormView draft={newMissedDraft('', '2026-12-07T10:00')} entries={[]} errors={{}} message={undefined} saving={false} onDraft={noop} onSubmit={noop} />);
    expect(html).toContain('Write a playbook entry first');
    expect(html).not.toContain('<form');
  });

  it('renders the form with the time in exchange time and a refused field', () => {
    const html = renderToStaticMarkup(<MissedFormView draft={newMissedDraft(ID(1), '2026-12-07T10:00')} entries={[entry(1)]} errors={{ estimatedPnl: 'must be a number' }} message={undefined} saving={false} onDraft={noop} onSubmit={noop} />);
    expect(html).toContain('type="datetime-local"');
    expect(html).toContain('value="2026-12-07T10:00"');
    expect(html).toContain('must be a number');
  });
});
