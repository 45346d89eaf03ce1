import { useEffect, useMemo, useState } from 'react';
import type { GenericCsvMappingInput } from '@marketswarm/shared/dto';
import { ApiError } from '../../api/http';
import { useCreateImportMapping, useDeleteImportMapping, useImportMappings, useReplaceImportMapping } from '../../journal-api/import-mappings-api';
import { sampleCsv } from './csv-sample';
import { checkDraft, draftFromMapping, guessDraft, mappingInput, sameMapping, withColumn, type MappingDraft } from './mapping-draft';
import type { MappingActionState, MappingEditorProps } from './MappingEditor';

const stateOf = (...mutations: { isPending: boolean; error: Error | null }[]): MappingActionState => {
  const error = mutations.find((m) => m.error)?.error ?? null;
  return {
    pending: mutations.some((m) => m.isPending),
    error: error ? { message: error.message, issues: error instanceof ApiError ? error.issues : [] } : null,
  };
};

export interface MappingChoice {
  editor: MappingEditorProps;
  /** What the import sends: the saved mapping's id while unchanged, else the mapping itself; undefined while the draft is not one. */
  fields: { mappingId: string } | { mapping: GenericCsvMappingInput } | undefined;
  /** The file to upload: from the header row on when the trader named a later row (the journal reads the first row as the header). */
  upload: Blob | undefined;
  /** Lines left out above the header: added back to the journal's line numbers. */
  lineShift: number;
  /** Changes whenever the import would read the file differently: a preview is valid for one key only. */
  key: string;
}

/** The mapping editor's state for the import page (container side): the file's head, the draft, the saved mappings and their calls. */
export function useMappingEditor(file: File | undefined, active: boolean): MappingChoice {
  const [read, setRead] = useState<{ file: File; text?: string; error?: string }>();
  const [header, setHeader] = useState<{ file: File; index: number }>();
  const [draft, setDraft] = useState<MappingDraft>();
  const [savedId, setSavedId] = useState('');
  const [saveName, setSaveName] = useState('');
  const saved = useImportMappings(active);
  const create = useCreateImportMapping();
  const replace = useReplaceImportMapping();
  const remove = useDeleteImportMapping();

  useEffect(() => {
    if (!active || !file || read?.file === file) return;
    let cancelled = false;
    file.text().then(
      (text) => {
        if (!cancelled) setRead({ file, text });
      },
      (error: unknown) => {
        if (!cancelled) setRead({ file, error: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}` });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [active, file, read?.file]);

  const text = file && read?.file === file ? read.text : undefined;
  const headerIndex = file && header?.file === file ? header.index : undefined;
  const sample = useMemo(() => (text === undefined ? undefined : sampleCsv(text, headerIndex)), [text, headerIndex]);
  // Until the trader touches it, the draft is what the file's header suggests (and follows a new file or header row).
  const current = useMemo(() => draft ?? guessDraft(sample ?? { columns: [], rows: [] }), [draft, sample]);
  const check = useMemo(() => checkDraft(current, sample), [current, sample]);
  const mappings = useMemo(() => saved.data ?? [], [saved.data]);
  const savedMapping = mappings.find((m) => m.id === savedId);
  const unchanged = savedMapping !== undefined && sameMapping(mappingInput(current), savedMapping.mapping);

  const change = (next: MappingDraft) => setDraft(next);
  const resetCalls = () => {
    create.reset();
    replace.reset();
    remove.reset();
  };
  const body = () => (check.ok ? { name: saveName.trim(), mapping: check.mapping } : undefined);
  const adopt = (id: string, name: string, mapping: GenericCsvMappingInput) => {
    setSavedId(id);
    setSaveName(name);
    setDraft(draftFromMapping(mapping));
  };

  const editor: MappingEditorProps = {
    sample,
    hasFile: file !== undefined,
    readError: file && read?.file === file ? read.error : undefined,
    onHeaderIndex: (index) => file && setHeader({ file, index }),
    draft: current,
    issues: check.ok ? [] : check.issues,
    onColumn: (field, column) => change(withColumn(current, sample, field, column)),
    onFees: (field, columns) => change({ ...current, fees: { ...current.fees, [field]: columns } }),
    onDateFormat: (dateFormat) => change({ ...current, dateFormat }),
    onSide: (code, choice) => change({ ...current, sides: { ...current.sides, [code]: choice } }),
    onKind: (value, choice) => change({ ...current, kinds: { ...current.kinds, [value]: choice } }),
    onBrokerName: (name) => change({ ...current, name }),
    saved: mappings,
    savedId: savedMapping ? savedId : '',
    onSavedId: (id) => {
      resetCalls();
      const chosen = mappings.find((m) => m.id === id);
      if (chosen) adopt(chosen.id, chosen.name, chosen.mapping);
      else {
        setSavedId('');
        setSaveName('');
        setDraft(undefined);
      }
    },
    savedUnchanged: unchanged,
    saveName,
    onSaveName: (name) => {
      setSaveName(name);
      if (create.error || replace.error) resetCalls();
    },
    onSaveAs: () => {
      const next = body();
      if (!next) return;
      resetCalls();
      create.mutate(next, { onSuccess: (m) => adopt(m.id, m.name, m.mapping) });
    },
    onUpdate: () => {
      const next = body();
      if (!next || !savedMapping) return;
      resetCalls();
      replace.mutate({ id: savedMapping.id, body: next }, { onSuccess: (m) => adopt(m.id, m.name, m.mapping) });
    },
    onDelete: () => {
      if (!savedMapping) return;
      resetCalls();
      remove.mutate(savedMapping.id, {
        onSuccess: () => {
          setSavedId('');
          setSaveName('');
        },
      });
    },
    saveState: stateOf(create, replace),
    deleteState: stateOf(remove),
  };

  const fields = !check.ok ? undefined : unchanged && savedMapping ? { mappingId: savedMapping.id } : { mapping: mappingInput(current) };
  const lineShift = sample ? sample.headerLine - 1 : 0;
  const upload = useMemo(() => (file && text !== undefined && sample && sample.headerOffset > 0 ? new Blob([text.slice(sample.headerOffset)], { type: file.type || 'text/csv' }) : file), [file, text, sample]);
  return { editor, fields, upload, lineShift, key: JSON.stringify([fields, lineShift]) };
}
