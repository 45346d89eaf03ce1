import type { PlaybookOutcomeDto } from '@marketswarm/shared/dto';
import { describe, expect, it } from 'vitest';
import { checklistItems, entryDraftOf, followEdge, newEntryDraft, outcomeCells, sectionEntries, splitTags, toChecksBody, toEntryRequest, toMissedRequest, withMark } from './playbook-form';
import { entry, group, ID } from './testing/playbook-fixtures';

describe(toEntryRequest.name, () => {
  it('creates an entry with trimmed tags and no group', () => {
    const result = toEntryRequest({ ...newEntryDraft(), title: 'No trades before 10:00', tags: ' open, timing ,, open' });
    expect(result).toEqual({ ok: true, create: { kind: 'rule', status: 'active', title: 'No trades before 10:00', body: '', groupId: null, tags: ['open', 'timing'] } });
  });

  it('names a missing title', () => {
    const result = toEntryRequest(newEntryDraft());
    expect(result).toEqual({ ok: false, errors: { title: 'must not be empty' } });
  });

  it('patches only what changed on an existing entry', () => {
    const original = entry(1, { tags: ['a'] });
    const result = toEntryRequest({ ...entryDraftOf(original), status: 'retired', groupId: ID(101) }, original);
    expect(result).toEqual({ ok: true, entryId: ID(1), update: { status: 'retired', groupId: ID(101) } });
  });

  it('refuses a save that changes nothing, as the journal would', () => {
    const original = entry(1);
    const result = toEntryRequest(entryDraftOf(original), original);
    expect(result.ok).toBe(false);
  });
});

describe(splitTags.name, () => {
  it('splits on commas and drops blanks', () => {
    expect(splitTags('a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(splitTags('')).toEqual([]);
  });
});

describe(sectionEntries.name, () => {
  it('orders groups entry → exit → market conditions by position, ungrouped last', () => {
    const groups = [group(1, { kind: 'exit', position: 0 }), group(2, { kind: 'entry', position: 1 }), group(3, { kind: 'entry', position: 0 }), group(4, { kind: 'market-conditions', position: 0 })];
    const entries = [entry(1, { groupId: ID(102) }), entry(2), entry(3, { groupId: ID(101) }), entry(4, { groupId: ID(999) })];
    const sections = sectionEntries(entries, groups);
    expect(sections.map((s) => s.group?.name ?? 'ungrouped')).toEqual(['Group 3', 'Group 2', 'Group 1', 'Group 4', 'ungrouped']);
    expect(sections[1]?.entries.map((e) => e.title)).toEqual(['Rule 1']);
    expect(sections[4]?.entries.map((e) => e.title)).toEqual(['Rule 2', 'Rule 4']);
  });
});

describe(outcomeCells.name, () => {
  const outcome = (patch: Partial<PlaybookOutcomeDto>): PlaybookOutcomeDto => ({ trades: 0, wins: 0, losses: 0, netPnl: 0, winRate: null, profitFactor: null, ...patch });

  it('formats the trades that followed a rule', () => {
    expect(outcomeCells(outcome({ trades: 8, wins: 5, losses: 3, netPnl: 1240, winRate: 0.625, profitFactor: 2.4 }))).toEqual({ trades: '8', netPnl: '+1,240.00', winRate: '62.5%', profitFactor: '2.40' });
  });

  it('shows infinity only with winners and no losers, and dashes without trades', () => {
    expect(outcomeCells(outcome({ trades: 2, wins: 2, netPnl: 300, winRate: 1 })).profitFactor).toBe('∞');
    expect(outcomeCells(outcome({}))).toEqual({ trades: '0', netPnl: '—', winRate: '—', profitFactor: '—' });
  });
});

describe(followEdge.name, () => {
  it('is the net per trade when followed minus when broken', () => {
    // Followed: 1240 / 8 = 155 per trade; broken: −300 / 3 = −100: following is worth 255 per trade.
    const followed = { trades: 8, wins: 5, losses: 3, netPnl: 1240, winRate: 0.625, profitFactor: 2.4 };
    const broken = { trades: 3, wins: 0, losses: 3, netPnl: -300, winRate: 0, profitFactor: 0 };
    expect(followEdge(followed, broken)).toBe(255);
    expect(followEdge(followed, { ...broken, trades: 0 })).toBeNull();
  });
});

describe(toMissedRequest.name, () => {
  it('reads the time in the journal zone and sends an estimate when given', () => {
    const result = toMissedRequest({ entryId: ID(1), at: '2026-12-07T10:15', symbol: 'spx', direction: 'long', note: 'hesitated', estimatedPnl: '350' }, 'America/New_York');
    expect(result).toEqual({ ok: true, body: { entryId: ID(1), at: Date.UTC(2026, 11, 7, 15, 15), symbol: 'spx', direction: 'long', note: 'hesitated', estimatedPnl: 350 } });
  });

  it('sends no direction and no estimate when left blank', () => {
    const result = toMissedRequest({ entryId: ID(1), at: '2026-12-07T10:15', symbol: 'SPX', direction: '', note: '', estimatedPnl: '' }, 'UTC');
    expect(result.ok && result.body.direction).toBeNull();
    expect(result.ok && result.body.estimatedPnl).toBeNull();
  });

  it('names every refused field at once', () => {
    const result = toMissedRequest({ entryId: '', at: '', symbol: '', direction: '', note: '', estimatedPnl: 'lots' }, 'UTC');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['at']).toBe('is required');
    expect(result.errors['entryId']).toBe('must be an id (UUID)');
    expect(result.errors['symbol']).toBe('must not be empty');
    expect(result.errors['estimatedPnl']).toBe('must be a number');
  });
});

describe(checklistItems.name, () => {
  it('offers active rules, warnings, filters and constraints, not patterns or drafts', () => {
    const items = checklistItems([entry(1), entry(2, { kind: 'pattern' }), entry(3, { status: 'draft' }), entry(4, { kind: 'warning' }), entry(5, { status: 'retired' })], []);
    expect(items.map((i) => i.title)).toEqual(['Rule 1', 'Rule 4']);
    expect(items.every((i) => i.mark === undefined)).toBe(true);
  });

  it('keeps the existing marks, including a rule retired since', () => {
    const items = checklistItems([entry(1)], [
      { entryId: ID(1), title: 'Rule 1', kind: 'rule', status: 'active', followed: false, checkedAt: 0 },
      { entryId: ID(9), title: 'Old rule', kind: 'rule', status: 'retired', followed: true, checkedAt: 0 },
    ]);
    expect(items.map((i) => [i.title, i.mark])).toEqual([['Rule 1', 'broken'], ['Old rule', 'followed']]);
  });
});

describe(toChecksBody.name, () => {
  it('sends the marked items only', () => {
    let items = checklistItems([entry(1), entry(2), entry(3)], []);
    items = withMark(items, ID(1), 'followed');
    items = withMark(items, ID(3), 'broken');
    expect(toChecksBody(items)).toEqual({ checks: [{ entryId: ID(1), followed: true }, { entryId: ID(3), followed: false }] });
    expect(toChecksBody(withMark(items, ID(1), undefined)).checks).toHaveLength(1);
  });
});
