import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { importMappingListSchema, importMappingSchema, type ImportMappingDto, type GenericCsvMappingInput } from '@marketswarm/shared/dto';
import { getJson, sendJson } from '../api/http';
import { journalKeys, retryTransient } from './hooks';
import { parseWith } from './journal-api';

/** `/api/journal/import-mappings`: the trader's generic CSV column mappings, saved by name (docs/API.md, "Generic CSV mappings"). */

export interface ImportMappingBody {
  name: string;
  mapping: GenericCsvMappingInput;
}

const BASE = '/api/journal/import-mappings';
const at = (mappingId: string) => `${BASE}/${encodeURIComponent(mappingId)}`;

export const fetchImportMappings = (signal?: AbortSignal): Promise<ImportMappingDto[]> =>
  getJson(BASE, parseWith(importMappingListSchema, `GET ${BASE}`), signal).then((answer) => answer.mappings);

export const createImportMapping = (body: ImportMappingBody): Promise<ImportMappingDto> => sendJson('POST', BASE, body, parseWith(importMappingSchema, `POST ${BASE}`));

/** Renames and/or overwrites: the body replaces name and mapping together. */
export const replaceImportMapping = (mappingId: string, body: ImportMappingBody): Promise<ImportMappingDto> =>
  sendJson('PUT', at(mappingId), body, parseWith(importMappingSchema, `PUT ${BASE}/:id`));

export const deleteImportMapping = (mappingId: string): Promise<void> => sendJson('DELETE', at(mappingId), undefined, () => undefined);

export const importMappingsKey = [...journalKeys.all, 'import-mappings'] as const;

export const useImportMappings = (enabled: boolean) =>
  useQuery({ queryKey: importMappingsKey, queryFn: ({ signal }) => fetchImportMappings(signal), enabled, staleTime: 60_000, retry: retryTransient });

export function useCreateImportMapping() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createImportMapping, onSuccess: () => void client.invalidateQueries({ queryKey: importMappingsKey }) });
}

export function useReplaceImportMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ImportMappingBody }) => replaceImportMapping(id, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: importMappingsKey }),
  });
}

export function useDeleteImportMapping() {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteImportMapping, onSuccess: () => void client.invalidateQueries({ queryKey: importMappingsKey }) });
}
