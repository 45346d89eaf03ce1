import {
  PLAYBOOK_CHECKABLE_KINDS,
  PLAYBOOK_GROUP_KINDS,
  playbookChecksBodySchema,
  playbookEntryBodySchema,
  playbookEntryUpdateSchema,
  playbookMissedBodySchema,
  type PlaybookCheckDto,
  type PlaybookChecksBody,
  type PlaybookEntryBody,
  type PlaybookEntryDto,
  type PlaybookEntryKind,
  type PlaybookEntryStatus,
  type PlaybookEntryUpdate,
  type PlaybookGroupDto,
  type PlaybookMissedBody,
  type PlaybookOutcomeDto,
} from '@marketswarm/shared/dto';
import { zodFieldErrors, type FieldErrors } from '../../auth/form-issues';
import { formatCount, formatPnl, formatProfitFactor, formatRate } from '../../journal-api/journal-format';
import { parseWallTime } from '../journal/calendar-grid';

// ---- entries ----

export interface EntryDraft {
  /** undefined for a new entry. */
  id: string | undefined;
  kind: PlaybookEntryKind;
  status: PlaybookEntryStatus;
  title: string;
  body: string;
  /** '' for no group. */
  groupId: string;
  /** Comma-separated labels. */
  tags: string;
}

export const newEntryDraft = (groupId = ''): EntryDraft => ({ id: undefined, kind: 'rule', status: 'active', title: '', body: '', groupId, tags: '' });

export function entryDraftOf(entry: PlaybookEntryDto): EntryDraft {
  return { id: entry.id, kind: entry.kind, status: entry.status, title: entry.title, body: entry.body, groupId: entry.groupId ?? '', tags: entry.tags.join(', ') };
}

export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export type EntryRequest = { ok: true; create: PlaybookEntryBody } | { ok: true; entryId: string; update: PlaybookEntryUpdate } | { ok: false; errors: FieldErrors };

/**
 * The POST body for a new entry, or a PATCH of only the fields that changed for an existing one
 * (sending an unchanged status could trip the journal's rules about entries with history).
 */
export function toEntryRequest(draft: EntryDraft, original?: PlaybookEntryDto): EntryRequest {
  const fields = { kind: draft.kind, status: draft.status, title: draft.title, body: draft.body, groupId: draft.groupId === '' ? null : draft.groupId, tags: splitTags(draft.tags) };
  if (draft.id === undefined || original === undefined) {
    const parsed = playbookEntryBodySchema.safeParse(fields);
    return parsed.success ? { ok: true, create: parsed.data } : { ok: false, errors: zodFieldErrors(parsed.error) };
  }
  const changed: Record<string, unknown> = {};
  if (fields.kind !== original.kind) changed['kind'] = fields.kind;
  if (fields.status !== original.status) changed['status'] = fields.status;
  if (fields.title !== original.title) changed['title'] = fields.title;
  if (fields.body !== original.body) changed['body'] = fields.body;
  if (fields.groupId !== original.groupId) changed['groupId'] = fields.groupId;
  if (fields.tags.join('\n') !== original.tags.join('\n')) changed['tags'] = fields.tags;
  const parsed = playbookEntryUpdateSchema.safeParse(changed);
  return parsed.success ? { ok: true, entryId: draft.id, update: parsed.data } : { ok: false, errors: zodFieldErrors(parsed.error) };
}

// ---- groups and sections ----

export interface EntrySection {
  group: PlaybookGroupDto | undefined;
  entries: PlaybookEntryDto[];
}

const KIND_ORDER = new Map<string, number>(PLAYBOOK_GROUP_KINDS.map((k, i) => [k, i]));

export const GROUP_KIND_LABELS: Record<(typeof PLAYBOOK_GROUP_KINDS)[number], string> = { entry: 'Entry', exit: 'Exit', 'market-conditions': 'Market conditions' };

/**
 * The entries under their groups (entry, exit, market conditions, each by position), then the
 * ungrouped ones; an entry naming a group that is not listed counts as ungrouped.
 */
export function sectionEntries(entries: readonly PlaybookEntryDto[], groups: readonly PlaybookGroupDto[]): EntrySection[] {
  const ordered = [...groups].sort((a, b) => (KIND_ORDER.get(a.kind) ?? 9) - (KIND_ORDER.get(b.kind) ?? 9) || a.position - b.position || a.name.localeCompare(b.name));
  const known = new Set(ordered.map((g) => g.id));
  const sections: EntrySection[] = ordered.map((group) => ({ group, entries: entries.filter((e) => e.groupId === group.id) }));
  const loose = entries.filter((e) => e.groupId === null || !known.has(e.groupId));
  if (loose.length > 0) sections.push({ group: undefined, entries: loose });
  return sections;
}

// ---- stats ----

export interface OutcomeCells {
  trades: string;
  netPnl: string;
  winRate: string;
  profitFactor: string;
}

/** One side (followed or broken) of an entry's stats as table cells. */
export function outcomeCells(outcome: PlaybookOutcomeDto): OutcomeCells {
  return {
    trades: formatCount(outcome.trades),
    netPnl: outcome.trades === 0 ? '—' : formatPnl(outcome.netPnl),
    winRate: formatRate(outcome.winRate),
    // The journal answers null both without trades and without losers: only the latter is infinite.
    profitFactor: formatProfitFactor(outcome.profitFactor, outcome.losses === 0 && outcome.wins > 0),
  };
}

/** What following the entry earned over breaking it, per trade: the edge the rule is worth. */
export function followEdge(followed: PlaybookOutcomeDto, broken: PlaybookOutcomeDto): number | null {
  if (followed.trades === 0 || broken.trades === 0) return null;
  return Math.round((followed.netPnl / followed.trades - broken.netPnl / broken.trades) * 100) / 100;
}

// ---- missed trades ----

export interface MissedDraft {
  entryId: string;
  /** `YYYY-MM-DDTHH:mm` in the journal's zone. */
  at: string;
  symbol: string;
  direction: '' | 'long' | 'short';
  note: string;
  estimatedPnl: string;
}

export const newMissedDraft = (entryId: string, at: string): MissedDraft => ({ entryId, at, symbol: 'SPX', direction: '', note: '', estimatedPnl: '' });

export type MissedRequest = { ok: true; body: PlaybookMissedBody } | { ok: false; errors: FieldErrors };

export function toMissedRequest(draft: MissedDraft, timeZone: string): MissedRequest {
  const at = parseWallTime(draft.at, timeZone);
  const pnlText = draft.estimatedPnl.trim();
  const parsed = playbookMissedBodySchema.safeParse({
    entryId: draft.entryId,
    // A placeholder instant lets the schema judge the other fields when the time is missing.
    at: at ?? 0,
    symbol: draft.symbol,
    direction: draft.direction === '' ? null : draft.direction,
    note: draft.note,
    estimatedPnl: pnlText === '' ? null : Number(pnlText),
  });
  const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  if (at === undefined) errors['at'] = draft.at === '' ? 'is required' : 'must be a date and time';
  if (!parsed.success || at === undefined) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

// ---- the check-off of a trade ----

export type CheckMark = 'followed' | 'broken';

export interface ChecklistItem {
  entryId: string;
  title: string;
  kind: PlaybookEntryKind;
  status: PlaybookEntryStatus;
  mark: CheckMark | undefined;
}

/**
 * What a trade can be checked against: every active entry of a checkable kind, plus any entry the
 * trade was already checked against (a rule retired since keeps its check). Patterns describe
 * setups and drafts are not in force, so neither is offered.
 */
export function checklistItems(entries: readonly PlaybookEntryDto[], checks: readonly PlaybookCheckDto[]): ChecklistItem[] {
  const marks = new Map(checks.map((c) => [c.entryId, c.followed ? ('followed' as const) : ('broken' as const)]));
  const items: ChecklistItem[] = entries
    .filter((e) => e.status === 'active' && PLAYBOOK_CHECKABLE_KINDS.includes(e.kind))
    .map((e) => ({ entryId: e.id, title: e.title, kind: e.kind, status: e.status, mark: marks.get(e.id) }));
  const offered = new Set(items.map((i) => i.entryId));
  for (const c of checks) if (!offered.has(c.entryId)) items.push({ entryId: c.entryId, title: c.title, kind: c.kind, status: c.status, mark: marks.get(c.entryId) });
  return items;
}

export function withMark(items: readonly ChecklistItem[], entryId: string, mark: CheckMark | undefined): ChecklistItem[] {
  return items.map((i) => (i.entryId === entryId ? { ...i, mark } : i));
}

/** The PUT body: the marked items only (an unmarked rule is neither followed nor broken). */
export function toChecksBody(items: readonly ChecklistItem[]): PlaybookChecksBody {
  return playbookChecksBodySchema.parse({ checks: items.filter((i) => i.mark !== undefined).map((i) => ({ entryId: i.entryId, followed: i.mark === 'followed' })) });
}
