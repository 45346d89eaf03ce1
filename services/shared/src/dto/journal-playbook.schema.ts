import { z } from 'zod';
import { decimalInputSchema, epochMsSchema, journalIdSchema, moneySchema, timeQuerySchema } from './journal-common.schema.js';
import { instantInputSchema } from './journal-ingest.schema.js';

/**
 * REST contracts of the playbook (`/api/playbook/*`, docs/API.md "Playbook"): the trader's rules,
 * patterns and warnings in ordered groups, which rules each trade followed or broke, the trades seen
 * by an entry but not taken, and what following or breaking each entry earned.
 */

export const PLAYBOOK_GROUP_KINDS = ['entry', 'exit', 'market-conditions'] as const;
export const playbookGroupKindSchema = z.enum(PLAYBOOK_GROUP_KINDS, 'must be "entry", "exit" or "market-conditions"');
export type PlaybookGroupKind = z.infer<typeof playbookGroupKindSchema>;

export const PLAYBOOK_ENTRY_KINDS = ['pattern', 'rule', 'warning', 'filter', 'constraint'] as const;
export const playbookEntryKindSchema = z.enum(PLAYBOOK_ENTRY_KINDS, 'must be "pattern", "rule", "warning", "filter" or "constraint"');
export type PlaybookEntryKind = z.infer<typeof playbookEntryKindSchema>;

/**
 * The kinds a trade is checked off against (followed or broken). A pattern describes a setup rather
 * than something to obey, so it has missed trades but no check-offs.
 */
export const PLAYBOOK_CHECKABLE_KINDS: readonly PlaybookEntryKind[] = ['rule', 'warning', 'filter', 'constraint'];

export const PLAYBOOK_ENTRY_STATUSES = ['draft', 'active', 'retired'] as const;
export const playbookEntryStatusSchema = z.enum(PLAYBOOK_ENTRY_STATUSES, 'must be "draft", "active" or "retired"');
export type PlaybookEntryStatus = z.infer<typeof playbookEntryStatusSchema>;

export const PLAYBOOK_GROUP_NAME_MAX_LENGTH = 100;
export const PLAYBOOK_TITLE_MAX_LENGTH = 200;
export const PLAYBOOK_BODY_MAX_LENGTH = 20_000;
export const PLAYBOOK_TAG_MAX_LENGTH = 64;
export const PLAYBOOK_TAGS_MAX = 20;
export const PLAYBOOK_CHECKS_MAX = 100;
export const PLAYBOOK_NOTE_MAX_LENGTH = 2_000;

// ---- groups ----

const groupNameSchema = z.string().trim().min(1, 'must not be empty').max(PLAYBOOK_GROUP_NAME_MAX_LENGTH, `must be at most ${PLAYBOOK_GROUP_NAME_MAX_LENGTH} characters`);
const positionSchema = z.number('must be a number').int('must be a whole number').min(0, 'must not be negative').max(1_000_000, 'must be at most 1000000');

export const playbookGroupBodySchema = z.strictObject({
  name: groupNameSchema,
  kind: playbookGroupKindSchema,
  position: positionSchema.optional().describe('order within the kind; default after the last group of that kind'),
});
export type PlaybookGroupBody = z.infer<typeof playbookGroupBodySchema>;

export const playbookGroupUpdateSchema = z
  .strictObject({ name: groupNameSchema.optional(), kind: playbookGroupKindSchema.optional(), position: positionSchema.optional() })
  .refine((body) => Object.keys(body).length > 0, 'send at least one of name, kind, position');
export type PlaybookGroupUpdate = z.infer<typeof playbookGroupUpdateSchema>;

export const playbookGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: playbookGroupKindSchema,
  position: z.number().int(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type PlaybookGroupDto = z.infer<typeof playbookGroupSchema>;

export const playbookGroupListSchema = z.object({ groups: z.array(playbookGroupSchema) });
export type PlaybookGroupListDto = z.infer<typeof playbookGroupListSchema>;

// ---- entries ----

const titleSchema = z.string().trim().min(1, 'must not be empty').max(PLAYBOOK_TITLE_MAX_LENGTH, `must be at most ${PLAYBOOK_TITLE_MAX_LENGTH} characters`);
/** Plain text or markdown, kept exactly as sent: the journal never renders it, so clients show it as text. */
const bodySchema = z.string().max(PLAYBOOK_BODY_MAX_LENGTH, `must be at most ${PLAYBOOK_BODY_MAX_LENGTH} characters`);
const entryTagsSchema = z
  .array(z.string().trim().min(1, 'must not be empty').max(PLAYBOOK_TAG_MAX_LENGTH, `must be at most ${PLAYBOOK_TAG_MAX_LENGTH} characters`))
  .max(PLAYBOOK_TAGS_MAX, `at most ${PLAYBOOK_TAGS_MAX} tags`)
  // Labels of the entry itself (not the trade tags of /api/tags): duplicates dropped, order kept.
  .transform((tags) => [...new Set(tags)]);

export const playbookEntryBodySchema = z.strictObject({
  kind: playbookEntryKindSchema,
  status: playbookEntryStatusSchema.default('draft'),
  title: titleSchema,
  body: bodySchema.default(''),
  groupId: journalIdSchema.nullable().optional().describe('one of the user\'s playbook groups'),
  tags: entryTagsSchema.default([]),
});
export type PlaybookEntryBody = z.infer<typeof playbookEntryBodySchema>;

export const playbookEntryUpdateSchema = z
  .strictObject({
    kind: playbookEntryKindSchema.optional(),
    status: playbookEntryStatusSchema.optional(),
    title: titleSchema.optional(),
    body: bodySchema.optional(),
    groupId: journalIdSchema.nullable().optional().describe('null takes the entry out of its group'),
    tags: entryTagsSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one of kind, status, title, body, groupId, tags');
export type PlaybookEntryUpdate = z.infer<typeof playbookEntryUpdateSchema>;

export const playbookEntryQuerySchema = z.strictObject({
  kind: playbookEntryKindSchema.optional(),
  status: playbookEntryStatusSchema.optional(),
  group: journalIdSchema.optional().describe('a playbook group id'),
});
export type PlaybookEntryQuery = z.infer<typeof playbookEntryQuerySchema>;

export const playbookEntryDeleteQuerySchema = z.strictObject({
  force: z.enum(['true', 'false'], 'must be "true" or "false"').default('false').transform((value) => value === 'true').describe('true also deletes the entry\'s check-offs and missed trades'),
});
export type PlaybookEntryDeleteQuery = z.infer<typeof playbookEntryDeleteQuerySchema>;

export const playbookEntrySchema = z.object({
  id: z.string(),
  kind: playbookEntryKindSchema,
  status: playbookEntryStatusSchema,
  title: z.string(),
  body: z.string().describe('plain text or markdown, as written; never HTML to inject'),
  groupId: z.string().nullable(),
  tags: z.array(z.string()),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
  retiredAt: epochMsSchema.nullable().describe('when it was retired; null unless status is retired'),
});
export type PlaybookEntryDto = z.infer<typeof playbookEntrySchema>;

export const playbookEntryListSchema = z.object({ entries: z.array(playbookEntrySchema) });
export type PlaybookEntryListDto = z.infer<typeof playbookEntryListSchema>;

// ---- check-offs ----

export const playbookTradeParamsSchema = z.object({ tradeId: journalIdSchema });
export type PlaybookTradeParams = z.infer<typeof playbookTradeParamsSchema>;

export const playbookChecksBodySchema = z.strictObject({
  checks: z
    .array(z.strictObject({ entryId: journalIdSchema, followed: z.boolean('must be true or false') }))
    .max(PLAYBOOK_CHECKS_MAX, `at most ${PLAYBOOK_CHECKS_MAX} checks`)
    .superRefine((checks, ctx) => {
      const seen = new Set<string>();
      checks.forEach((check, i) => {
        if (seen.has(check.entryId)) ctx.addIssue({ code: 'custom', path: [i, 'entryId'], message: 'names an entry already checked above' });
        seen.add(check.entryId);
      });
    })
    .describe('replaces the trade\'s whole set; [] clears it'),
});
export type PlaybookChecksBody = z.infer<typeof playbookChecksBodySchema>;

export const playbookCheckSchema = z.object({
  entryId: z.string(),
  title: z.string(),
  kind: playbookEntryKindSchema,
  status: playbookEntryStatusSchema,
  followed: z.boolean(),
  checkedAt: epochMsSchema,
});
export type PlaybookCheckDto = z.infer<typeof playbookCheckSchema>;

export const playbookTradeChecksSchema = z.object({ tradeId: z.string(), checks: z.array(playbookCheckSchema) });
export type PlaybookTradeChecksDto = z.infer<typeof playbookTradeChecksSchema>;

// ---- missed trades ----

const symbolSchema = z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');
export const playbookDirectionSchema = z.enum(['long', 'short'], 'must be "long" or "short"');
const noteSchema = z.string().max(PLAYBOOK_NOTE_MAX_LENGTH, `must be at most ${PLAYBOOK_NOTE_MAX_LENGTH} characters`);

export const playbookMissedBodySchema = z.strictObject({
  entryId: journalIdSchema.describe('the playbook entry the trade was seen by'),
  at: instantInputSchema.describe('when the trade was there to take'),
  symbol: symbolSchema,
  direction: playbookDirectionSchema.nullable().optional(),
  note: noteSchema.default(''),
  estimatedPnl: decimalInputSchema.nullable().optional().describe('what taking it would have made (negative: lost)'),
});
export type PlaybookMissedBody = z.infer<typeof playbookMissedBodySchema>;

export const playbookMissedUpdateSchema = z
  .strictObject({
    entryId: journalIdSchema.optional(),
    at: instantInputSchema.optional(),
    symbol: symbolSchema.optional(),
    direction: playbookDirectionSchema.nullable().optional(),
    note: noteSchema.optional(),
    estimatedPnl: decimalInputSchema.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one of entryId, at, symbol, direction, note, estimatedPnl');
export type PlaybookMissedUpdate = z.infer<typeof playbookMissedUpdateSchema>;

export const playbookMissedQuerySchema = z.strictObject({
  entry: journalIdSchema.optional().describe('a playbook entry id'),
  from: timeQuerySchema.optional().describe('at or after'),
  to: timeQuerySchema.optional().describe('before'),
});
export type PlaybookMissedQuery = z.infer<typeof playbookMissedQuerySchema>;

export const playbookMissedSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  at: epochMsSchema,
  symbol: z.string(),
  direction: playbookDirectionSchema.nullable(),
  note: z.string(),
  estimatedPnl: moneySchema.nullable(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type PlaybookMissedDto = z.infer<typeof playbookMissedSchema>;

export const playbookMissedListSchema = z.object({ missed: z.array(playbookMissedSchema) });
export type PlaybookMissedListDto = z.infer<typeof playbookMissedListSchema>;

// ---- stats ----

export const playbookStatsQuerySchema = z.strictObject({
  log: z.union([z.literal('all'), journalIdSchema], 'must be a log id or "all"').default('all').describe('a log id, or all (every log of the user)'),
  from: timeQuerySchema.optional().describe('trades closed, and missed trades seen, at or after'),
  to: timeQuerySchema.optional().describe('trades closed, and missed trades seen, before'),
});
export type PlaybookStatsQuery = z.infer<typeof playbookStatsQuerySchema>;

const nullableRate = z.number().nullable();

/** The closed trades on one side of an entry (followed, or broken), figured as `GET /api/analytics` figures them. */
export const playbookOutcomeSchema = z.object({
  trades: z.number().int(),
  wins: z.number().int(),
  losses: z.number().int(),
  netPnl: moneySchema,
  winRate: nullableRate.describe('wins / trades, a fraction; null without trades'),
  profitFactor: nullableRate.describe('Σ net of winners / |Σ net of losers|; null without losers'),
});
export type PlaybookOutcomeDto = z.infer<typeof playbookOutcomeSchema>;

export const playbookEntryStatsSchema = z.object({
  entryId: z.string(),
  title: z.string(),
  kind: playbookEntryKindSchema,
  status: playbookEntryStatusSchema,
  checked: z.number().int().describe('closed trades with a check-off for the entry'),
  followRate: nullableRate.describe('followed.trades / checked, a fraction; null when nothing was checked'),
  followed: playbookOutcomeSchema,
  broken: playbookOutcomeSchema,
  missed: z.object({
    count: z.number().int(),
    estimated: z.number().int().describe('missed trades with an estimated P&L'),
    estimatedPnl: moneySchema.describe('Σ estimatedPnl of those'),
  }),
});
export type PlaybookEntryStatsDto = z.infer<typeof playbookEntryStatsSchema>;

export const playbookStatsSchema = z.object({
  log: z.string(),
  from: epochMsSchema.nullable(),
  to: epochMsSchema.nullable(),
  entries: z.array(playbookEntryStatsSchema),
});
export type PlaybookStatsDto = z.infer<typeof playbookStatsSchema>;
