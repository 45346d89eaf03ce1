import { useEffect, useMemo, useState } from 'react';
import type { ImportFormat, ImportResultDto } from '@marketswarm/shared/dto';
import { ApiError } from '../../api/http';
import { useCreateLog, useImport, useLogs, useSettings } from '../../journal-api/hooks';
import { canCommit, choiceKey, fileProblem, isUnknownFormat, shiftLines } from './import-wizard';
import { ImportView, type ActionState } from './ImportView';
import { useMappingEditor } from './use-mapping-editor';

const stateOf = (m: { isPending: boolean; error: Error | null }): ActionState => ({
  pending: m.isPending,
  error: m.error ? { message: m.error.message, issues: m.error instanceof ApiError ? m.error.issues : [] } : null,
});

/** `/import`: the container of ImportView (the wizard's state, the generic CSV's mapping, and the two calls, dry run and commit). */
export function ImportPage() {
  const logs = useLogs();
  const settings = useSettings();
  const createLog = useCreateLog();
  const preview = useImport();
  const commit = useImport();
  const [logId, setLogId] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [broker, setBroker] = useState<ImportFormat | undefined>();
  const [timeZone, setTimeZone] = useState<string | undefined>();
  const [previewed, setPreviewed] = useState<{ key: string; result: ImportResultDto } | undefined>();
  const [result, setResult] = useState<ImportResultDto | undefined>();
  const generic = broker === 'generic-csv';
  const mapping = useMappingEditor(file, generic);

  // The default log until the trader picks one; the user's zone setting until they type one.
  useEffect(() => {
    if (logId === '' && logs.data) setLogId(logs.data.find((l) => l.isDefault && l.archivedAt === null)?.id ?? logs.data.find((l) => l.archivedAt === null)?.id ?? '');
  }, [logId, logs.data]);
  const zone = timeZone ?? settings.data?.timeZone ?? 'America/New_York';

  const key = choiceKey({ logId, file, broker, timeZone: zone, mapping: mapping.key });
  const fileError = file ? fileProblem(file) : undefined;
  const current = useMemo(() => (previewed?.key === key ? previewed.result : undefined), [previewed, key]);
  const request = (dryRun: boolean) => ({
    logId,
    file: (generic ? mapping.upload : undefined) ?? file!,
    fileName: file!.name,
    dryRun,
    timeZone: zone,
    ...(broker ? { broker } : {}),
    ...(generic ? mapping.fields : {}),
  });
  const shift = generic ? mapping.lineShift : 0;
  const previewError = preview.error instanceof ApiError ? preview.error : null;

  return (
    <ImportView
      logs={logs.data ?? []}
      logId={logId}
      onLogId={setLogId}
      onCreateLog={(name) => createLog.mutate({ name }, { onSuccess: (log) => setLogId(log.id) })}
      createState={stateOf(createLog)}
      file={file}
      fileError={fileError}
      onFile={(next) => {
        setFile(next);
        preview.reset();
      }}
      broker={broker}
      onBroker={(next) => {
        setBroker(next);
        preview.reset();
      }}
      timeZone={zone}
      onTimeZone={setTimeZone}
      onPreview={() => {
        if (!file || fileError || (generic && !mapping.fields)) return;
        const at = key;
        preview.mutate(request(true), { onSuccess: (answer) => setPreviewed({ key: at, result: shiftLines(answer, shift) }) });
      }}
      preview={current}
      previewState={stateOf(preview)}
      canCommit={canCommit(previewed?.key, current, key)}
      onCommit={() => {
        if (!file) return;
        commit.mutate(request(false), { onSuccess: (answer) => setResult(shiftLines(answer, shift)) });
      }}
      commitState={stateOf(commit)}
      result={result}
      onStartOver={() => {
        setResult(undefined);
        setFile(undefined);
        setPreviewed(undefined);
        preview.reset();
        commit.reset();
      }}
      mappingEditor={generic ? mapping.editor : undefined}
      onMapColumns={
        isUnknownFormat(previewError, broker)
          ? () => {
              setBroker('generic-csv');
              preview.reset();
            }
          : undefined
      }
    />
  );
}
