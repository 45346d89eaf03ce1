export { detectFormat, type DetectedFormat } from './detect-format.js';
export { importFile, IMPORT_MAX_BYTES, type ImportFileOptions } from './import-file.js';
export type { ImportFailure, ImportFailureCode, ImportOptions, ImportOutcome, ImportResult } from './import-result.js';
export { importGenericCsv } from './generic-csv.importer.js';
export { genericCsvMappingSchema, TRADENOTE_MAPPING, type GenericCsvMapping } from './generic-csv.mapping.js';
export { FUTURES_MULTIPLIERS } from './instrument-multipliers.js';
