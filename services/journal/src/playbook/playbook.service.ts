import { Inject, Injectable } from '@nestjs/common';
import type { PlaybookEntryBody, PlaybookEntryQuery, PlaybookEntryUpdate, PlaybookGroupBody, PlaybookGroupUpdate, PlaybookMissedBody, PlaybookMissedQuery, PlaybookMissedUpdate } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { parseMicros } from '../database/money.js';
import { PlaybookRepository, type NewPlaybookEntry, type NewPlaybookMissed, type PlaybookEntry, type PlaybookGroup, type PlaybookMissed } from './playbook.repository.js';

export function playbookGroupNotFound(id: string, path = 'id'): DomainError {
  return new DomainError('not-found', `no playbook group ${id}`, { issues: [{ path, message: 'no such playbook group' }] });
}

export function playbookEntryNotFound(id: string, path = 'id'): DomainError {
  return new DomainError('not-found', `no playbook entry ${id}`, { issues: [{ path, message: 'no such playbook entry' }] });
}

function missedNotFound(id: string): DomainError {
  return new DomainError('not-found', `no missed trade ${id}`, { issues: [{ path: 'id', message: 'no such missed trade' }] });
}

const micros = (value: number | null): number | null => (value === null ? null : parseMicros(String(value)));

/**
 * The playbook's rules: groups, entries and missed trades. Another user's group or entry, named
 * anywhere (a path, `groupId`, `entryId`), is answered as one that does not exist. An entry's
 * history — the trades checked off against it, the missed trades seen by it — is kept: retiring an
 * entry keeps it, deleting one that has history takes `force`, and such an entry cannot go back to
 * draft or become a pattern (which has no check-offs).
 */
@Injectable()
export class PlaybookService {
  constructor(@Inject(PlaybookRepository) private readonly playbook: PlaybookRepository) {}

  // ---- groups ----

  listGroups(userId: string): Promise<PlaybookGroup[]> {
    return this.playbook.listGroups(userId);
  }

  createGroup(userId: string, body: PlaybookGroupBody): Promise<PlaybookGroup> {
    return this.playbook.createGroup(userId, body);
  }

  async updateGroup(userId: string, id: string, body: PlaybookGroupUpdate): Promise<PlaybookGroup> {
    const group = await this.playbook.updateGroup(userId, id, body);
    if (!group) throw playbookGroupNotFound(id);
    return group;
  }

  async removeGroup(userId: string, id: string): Promise<void> {
    if (!(await this.playbook.removeGroup(userId, id))) throw playbookGroupNotFound(id);
  }

  // ---- entries ----

  async listEntries(userId: string, query: PlaybookEntryQuery): Promise<PlaybookEntry[]> {
    if (query.group !== undefined && !(await this.playbook.getGroup(userId, query.group))) throw playbookGroupNotFound(query.group, 'group');
    return this.playbook.listEntries(userId, {
      ...(query.kind !== undefined && { kind: query.kind }),
      ...(query.status !== undefined && { status: query.status }),
      ...(query.group !== undefined && { groupId: query.group }),
    });
  }

  async getEntry(userId: string, id: string, path = 'id'): Promise<PlaybookEntry> {
    const entry = await this.playbook.getEntry(userId, id);
    if (!entry) throw playbookEntryNotFound(id, path);
    return entry;
  }

  async createEntry(userId: string, body: PlaybookEntryBody): Promise<PlaybookEntry> {
    const groupId = body.groupId ?? null;
    if (groupId !== null) await this.ownGroup(userId, groupId);
    return this.playbook.createEntry(userId, { kind: body.kind, status: body.status, title: body.title, body: body.body, tags: body.tags, groupId });
  }

  async updateEntry(userId: string, id: string, body: PlaybookEntryUpdate): Promise<PlaybookEntry> {
    const current = await this.getEntry(userId, id);
    if (body.groupId !== undefined && body.groupId !== null) await this.ownGroup(userId, body.groupId);
    const leavesHistory = (body.status === 'draft' && current.status !== 'draft') || (body.kind === 'pattern' && current.kind !== 'pattern');
    if (leavesHistory) {
      const history = await this.playbook.historyOf(userId, id);
      if (body.status === 'draft' && current.status !== 'draft' && (history.checks > 0 || history.missed > 0)) {
        throw new DomainError('conflict', `playbook entry ${id} has history and cannot go back to draft; retire it instead`, { issues: [{ path: 'status', message: 'the entry has check-offs or missed trades' }] });
      }
      if (body.kind === 'pattern' && current.kind !== 'pattern' && history.checks > 0) {
        throw new DomainError('conflict', `playbook entry ${id} has check-offs, which a pattern cannot have`, { issues: [{ path: 'kind', message: 'the entry has check-offs' }] });
      }
    }
    const changes: Partial<NewPlaybookEntry> = {
      ...(body.kind !== undefined && { kind: body.kind }),
      ...(body.status !== undefined && { status: body.status }),
      ...(body.title !== undefined && { title: body.title }),
      ...(body.body !== undefined && { body: body.body }),
      ...(body.tags !== undefined && { tags: body.tags }),
      ...(body.groupId !== undefined && { groupId: body.groupId }),
    };
    const updated = await this.playbook.updateEntry(userId, id, changes, current);
    if (!updated) throw playbookEntryNotFound(id);
    return updated;
  }

  /** Refused while the entry has history, unless `force`: then its check-offs and missed trades go too. */
  async removeEntry(userId: string, id: string, force: boolean): Promise<void> {
    await this.getEntry(userId, id);
    if (!force) {
      const { checks, missed } = await this.playbook.historyOf(userId, id);
      if (checks > 0 || missed > 0) {
        throw new DomainError('conflict', `playbook entry ${id} has ${checks} check-off(s) and ${missed} missed trade(s); retire it to keep them, or delete with ?force=true`, {
          issues: [{ path: 'force', message: 'the entry has history: retire it, or send force=true to delete that history too' }],
        });
      }
    }
    if (!(await this.playbook.removeEntry(userId, id))) throw playbookEntryNotFound(id);
  }

  // ---- missed trades ----

  async listMissed(userId: string, query: PlaybookMissedQuery): Promise<PlaybookMissed[]> {
    if (query.entry !== undefined) await this.getEntry(userId, query.entry, 'entry');
    return this.playbook.listMissed(userId, {
      ...(query.entry !== undefined && { entryId: query.entry }),
      ...(query.from !== undefined && { from: query.from }),
      ...(query.to !== undefined && { to: query.to }),
    });
  }

  async createMissed(userId: string, body: PlaybookMissedBody): Promise<PlaybookMissed> {
    await this.getEntry(userId, body.entryId, 'entryId');
    return this.playbook.createMissed(userId, {
      entryId: body.entryId,
      at: body.at,
      symbol: body.symbol,
      direction: body.direction ?? null,
      note: body.note,
      estimatedPnlMicros: micros(body.estimatedPnl ?? null),
    });
  }

  async updateMissed(userId: string, id: string, body: PlaybookMissedUpdate): Promise<PlaybookMissed> {
    if (!(await this.playbook.getMissed(userId, id))) throw missedNotFound(id);
    if (body.entryId !== undefined) await this.getEntry(userId, body.entryId, 'entryId');
    const changes: Partial<NewPlaybookMissed> = {
      ...(body.entryId !== undefined && { entryId: body.entryId }),
      ...(body.at !== undefined && { at: body.at }),
      ...(body.symbol !== undefined && { symbol: body.symbol }),
      ...(body.direction !== undefined && { direction: body.direction }),
      ...(body.note !== undefined && { note: body.note }),
      ...(body.estimatedPnl !== undefined && { estimatedPnlMicros: micros(body.estimatedPnl) }),
    };
    const updated = await this.playbook.updateMissed(userId, id, changes);
    if (!updated) throw missedNotFound(id);
    return updated;
  }

  async removeMissed(userId: string, id: string): Promise<void> {
    if (!(await this.playbook.removeMissed(userId, id))) throw missedNotFound(id);
  }

  private async ownGroup(userId: string, groupId: string): Promise<void> {
    if (!(await this.playbook.getGroup(userId, groupId))) throw playbookGroupNotFound(groupId, 'groupId');
  }
}
