import type { PlaybookCheckDto, PlaybookEntryDto, PlaybookEntryStatsDto, PlaybookGroupDto, PlaybookMissedDto, PlaybookOutcomeDto } from '@marketswarm/shared/dto';
import { microsToNumber } from '../database/money.js';
import type { EntryStats, OutcomeFigures } from './playbook-stats.js';
import type { PlaybookCheck, PlaybookEntry, PlaybookGroup, PlaybookMissed } from './playbook.repository.js';

export function playbookGroupJson(group: PlaybookGroup): PlaybookGroupDto {
  return { id: group.id, name: group.name, kind: group.kind, position: group.position, createdAt: group.createdAt, updatedAt: group.updatedAt };
}

export function playbookEntryJson(entry: PlaybookEntry): PlaybookEntryDto {
  return {
    id: entry.id,
    kind: entry.kind,
    status: entry.status,
    title: entry.title,
    body: entry.body,
    groupId: entry.groupId,
    tags: entry.tags,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    retiredAt: entry.retiredAt,
  };
}

export function playbookCheckJson(check: PlaybookCheck, entry: PlaybookEntry): PlaybookCheckDto {
  return { entryId: check.entryId, title: entry.title, kind: entry.kind, status: entry.status, followed: check.followed, checkedAt: check.checkedAt };
}

export function playbookMissedJson(missed: PlaybookMissed): PlaybookMissedDto {
  return {
    id: missed.id,
    entryId: missed.entryId,
    at: missed.at,
    symbol: missed.symbol,
    direction: missed.direction,
    note: missed.note,
    estimatedPnl: missed.estimatedPnlMicros === null ? null : microsToNumber(missed.estimatedPnlMicros),
    createdAt: missed.createdAt,
    updatedAt: missed.updatedAt,
  };
}

function outcomeJson(o: OutcomeFigures): PlaybookOutcomeDto {
  return { trades: o.trades, wins: o.wins, losses: o.losses, netPnl: microsToNumber(o.netPnlMinor), winRate: o.winRate, profitFactor: o.profitFactor };
}

export function playbookEntryStatsJson(s: EntryStats): PlaybookEntryStatsDto {
  return {
    entryId: s.entryId,
    title: s.title,
    kind: s.kind,
    status: s.status,
    checked: s.checked,
    followRate: s.followRate,
    followed: outcomeJson(s.followed),
    broken: outcomeJson(s.broken),
    missed: { count: s.missed.count, estimated: s.missed.estimated, estimatedPnl: microsToNumber(s.missed.estimatedPnlMinor) },
  };
}
