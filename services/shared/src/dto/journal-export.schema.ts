import { z } from 'zod';

/** `GET /api/logs/:id/export`: what to export and in which file format. */
export const exportQuerySchema = z.strictObject({
  of: z.enum(['trades', 'executions'], 'must be "trades" or "executions"').default('trades'),
  format: z.enum(['csv', 'xlsx'], 'must be "csv" or "xlsx"').default('csv'),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export const EXPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
