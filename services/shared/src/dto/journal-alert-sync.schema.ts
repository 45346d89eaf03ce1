import { z } from 'zod';

/**
 * The alert sync stream: the journal appends one entry per change to a user's alerts or prompt
 * alerts, and the evaluator (the copilot) reads it with a blocking XREAD to reload that user's
 * alerts from `/api/internal/*`. A control stream, not a topic: it never reaches a browser, so it
 * carries no envelope, only who changed and what. Declared in truth/components/journal.json
 * (`publishes`, no `topic`); retention is the `maxlen` declared there.
 */
export const ALERT_SYNC_STREAM = '{system}:stream:alert-sync';
export const ALERT_SYNC_DEFAULT_MAXLEN = 10_000;

/**
 * `order` + `filled`: a simulated order filled and its trade was entered (the evaluator fires the
 * user's fill alert; it reads the order from `GET /api/internal/orders/:id`). A fill recovered after
 * a restart is announced again, so the same order may be announced filled more than once.
 */
export const alertSyncEntities = ['alert', 'prompt-alert', 'order'] as const;
export const alertSyncChanges = ['created', 'updated', 'enabled', 'disabled', 'deleted', 'hit', 'stage', 'filled'] as const;

/** One stream entry, as flat string fields (`XADD key * user <id> entity alert id <id> change created ts <ms>`). */
export const alertSyncEntrySchema = z.strictObject({
  user: z.string().min(1),
  entity: z.enum(alertSyncEntities),
  id: z.string().min(1),
  change: z.enum(alertSyncChanges),
  ts: z.coerce.number().int().positive(),
});
export type AlertSyncEntry = z.infer<typeof alertSyncEntrySchema>;

/** The XADD field list of an entry. */
export function encodeAlertSyncEntry(entry: AlertSyncEntry): string[] {
  return ['user', entry.user, 'entity', entry.entity, 'id', entry.id, 'change', entry.change, 'ts', String(entry.ts)];
}

/** An entry read back (ioredis gives `[field, value, field, value, …]`); a malformed one is an error naming its fields. */
export function decodeAlertSyncEntry(fields: readonly string[]): AlertSyncEntry {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) record[fields[i] as string] = fields[i + 1] as string;
  return alertSyncEntrySchema.parse(record);
}
