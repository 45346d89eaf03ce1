import {
  playbookEntryListSchema,
  playbookEntrySchema,
  playbookGroupListSchema,
  playbookGroupSchema,
  playbookMissedListSchema,
  playbookMissedSchema,
  playbookStatsSchema,
  playbookTradeChecksSchema,
  type PlaybookChecksBody,
  type PlaybookEntryBody,
  type PlaybookEntryDto,
  type PlaybookEntryKind,
  type PlaybookEntryStatus,
  type PlaybookEntryUpdate,
  type PlaybookGroupBody,
  type PlaybookGroupDto,
  type PlaybookGroupUpdate,
  type PlaybookMissedBody,
  type PlaybookMissedDto,
  type PlaybookStatsDto,
  type PlaybookTradeChecksDto,
} from '@marketswarm/shared/dto';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../api/http';
import { queryString } from './query';

const id = encodeURIComponent;

export const fetchGroups = (signal?: AbortSignal): Promise<PlaybookGroupDto[]> => getJson('/api/playbook/groups', (b) => playbookGroupListSchema.parse(b).groups, signal);
export const createGroup = (body: PlaybookGroupBody): Promise<PlaybookGroupDto> => sendJson('POST', '/api/playbook/groups', body, (b) => playbookGroupSchema.parse(b));
export const updateGroup = (groupId: string, body: PlaybookGroupUpdate): Promise<PlaybookGroupDto> => sendJson('PATCH', `/api/playbook/groups/${id(groupId)}`, body, (b) => playbookGroupSchema.parse(b));
export const deleteGroup = (groupId: string): Promise<void> => sendJson('DELETE', `/api/playbook/groups/${id(groupId)}`, undefined, () => undefined);

export interface EntryFilter {
  kind?: PlaybookEntryKind | undefined;
  status?: PlaybookEntryStatus | undefined;
}

export const fetchEntries = (filter: EntryFilter, signal?: AbortSignal): Promise<PlaybookEntryDto[]> =>
  getJson(`/api/playbook/entries${queryString({ kind: filter.kind, status: filter.status })}`, (b) => playbookEntryListSchema.parse(b).entries, signal);
export const createEntry = (body: PlaybookEntryBody): Promise<PlaybookEntryDto> => sendJson('POST', '/api/playbook/entries', body, (b) => playbookEntrySchema.parse(b));
export const updateEntry = (entryId: string, body: PlaybookEntryUpdate): Promise<PlaybookEntryDto> => sendJson('PATCH', `/api/playbook/entries/${id(entryId)}`, body, (b) => playbookEntrySchema.parse(b));
export const deleteEntry = (entryId: string, force: boolean): Promise<void> => sendJson('DELETE', `/api/playbook/entries/${id(entryId)}${force ? '?force=true' : ''}`, undefined, () => undefined);

export const fetchTradeChecks = (tradeId: string, signal?: AbortSignal): Promise<PlaybookTradeChecksDto> =>
  getJson(`/api/playbook/trades/${id(tradeId)}/checks`, (b) => playbookTradeChecksSchema.parse(b), signal);
export const putTradeChecks = (tradeId: string, body: PlaybookChecksBody): Promise<PlaybookTradeChecksDto> =>
  sendJson('PUT', `/api/playbook/trades/${id(tradeId)}/checks`, body, (b) => playbookTradeChecksSchema.parse(b));

export const fetchStats = (signal?: AbortSignal): Promise<PlaybookStatsDto> => getJson('/api/playbook/stats', (b) => playbookStatsSchema.parse(b), signal);

export const fetchMissed = (signal?: AbortSignal): Promise<PlaybookMissedDto[]> => getJson('/api/playbook/missed', (b) => playbookMissedListSchema.parse(b).missed, signal);
export const createMissed = (body: PlaybookMissedBody): Promise<PlaybookMissedDto> => sendJson('POST', '/api/playbook/missed', body, (b) => playbookMissedSchema.parse(b));
export const deleteMissed = (missedId: string): Promise<void> => sendJson('DELETE', `/api/playbook/missed/${id(missedId)}`, undefined, () => undefined);

const PLAYBOOK = ['playbook'] as const;

export function useGroups() {
  return useQuery({ queryKey: [...PLAYBOOK, 'groups'], queryFn: ({ signal }) => fetchGroups(signal) });
}

export function useEntries(filter: EntryFilter) {
  return useQuery({ queryKey: [...PLAYBOOK, 'entries', filter.kind ?? 'any', filter.status ?? 'any'], queryFn: ({ signal }) => fetchEntries(filter, signal) });
}

export function useStats() {
  return useQuery({ queryKey: [...PLAYBOOK, 'stats'], queryFn: ({ signal }) => fetchStats(signal) });
}

export function useMissed() {
  return useQuery({ queryKey: [...PLAYBOOK, 'missed'], queryFn: ({ signal }) => fetchMissed(signal) });
}

export function useTradeChecks(tradeId: string) {
  return useQuery({ queryKey: [...PLAYBOOK, 'checks', tradeId], queryFn: ({ signal }) => fetchTradeChecks(tradeId, signal) });
}

/** Any playbook change can move the stats, so every mutation refreshes the whole playbook. */
function usePlaybookMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: PLAYBOOK }) });
}

export const useCreateGroup = () => usePlaybookMutation(createGroup);
export const useUpdateGroup = () => usePlaybookMutation(({ groupId, body }: { groupId: string; body: PlaybookGroupUpdate }) => updateGroup(groupId, body));
export const useDeleteGroup = () => usePlaybookMutation(deleteGroup);
export type SaveEntryArgs = { create: PlaybookEntryBody } | { entryId: string; update: PlaybookEntryUpdate };
export const useSaveEntry = () => usePlaybookMutation((args: SaveEntryArgs) => ('create' in args ? createEntry(args.create) : updateEntry(args.entryId, args.update)));
export const useDeleteEntry = () => usePlaybookMutation(({ entryId, force }: { entryId: string; force: boolean }) => deleteEntry(entryId, force));
export const useCreateMissed = () => usePlaybookMutation(createMissed);
export const useDeleteMissed = () => usePlaybookMutation(deleteMissed);
export const useSaveTradeChecks = (tradeId: string) => usePlaybookMutation((body: PlaybookChecksBody) => putTradeChecks(tradeId, body));
