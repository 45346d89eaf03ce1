import { journalExecutionSchema, type ExecutionFees, type JournalExecution } from '@marketswarm/shared/dto';
import { RowError } from './import-result.js';

export const ZERO_FEES: ExecutionFees = { commission: '0', exchangeFee: '0', clearingFee: '0' };

/** The fields every export fills in; the rest default to what an export without them means. */
export type ExecutionDraft = Pick<JournalExecution, 'broker' | 'executedAt' | 'localTime' | 'timeZone' | 'instrument' | 'side' | 'positionEffect' | 'quantity' | 'price' | 'rowHash' | 'line'> &
  Partial<JournalExecution>;

/** A fill in USD without ids or fees unless the draft states them. */
export function draftExecution(draft: ExecutionDraft): JournalExecution {
  return { account: null, orderId: null, comboId: null, executionId: null, event: 'fill', currency: 'USD', fees: ZERO_FEES, ...draft };
}

/**
 * Checks an importer's execution against the shared schema, so nothing malformed reaches storage;
 * a failure names the first offending field and skips the row.
 */
export function finishExecution(draft: JournalExecution): JournalExecution {
  const parsed = journalExecutionSchema.safeParse(draft);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new RowError(`invalid ${issue?.path.join('.') || 'execution'}: ${issue?.message ?? 'rejected'}`);
}

/** The reason to list for a skipped row: a RowError's message; anything else is a bug and is rethrown. */
export function skipReason(error: unknown): string {
  if (error instanceof RowError) return error.message;
  throw error;
}
