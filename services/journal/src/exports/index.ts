export { tradesToCsv, executionsToCsv } from './csv-export.js';
export { tradesToXlsx, executionsToXlsx } from './xlsx-export.js';
export { DEFAULT_EXPORT_TIME_ZONE, type ExportOptions } from './export-column.js';
