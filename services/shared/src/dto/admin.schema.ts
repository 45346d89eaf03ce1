import { z } from 'zod';
import { gatewayPresenceSchema, healthStatusSchema, recoveryActionSchema, recoveryStateSchema, redisHealthSchema } from '../ops/ops-records.js';
import { streamLagViewSchema } from '../ops/stream-lag.js';
import { roleSchema, userDtoSchema } from './auth.schema.js';

/**
 * REST contracts of the operator views (`/api/admin/*`) that the admin page reads. The gateway
 * answers with them and the UI parses with the same file, so it stays free of Node APIs.
 */

/** How old the watch's report is: fresh within a few of its intervals, absent when no watch wrote one. */
export const watchReportStateSchema = z.enum(['fresh', 'stale', 'absent']);
export type WatchReportState = z.infer<typeof watchReportStateSchema>;

export const adminHeartbeatSchema = z.object({
  state: z.enum(['fresh', 'stale', 'missing']),
  ageSec: z.number().nullable(),
  version: z.string().nullable(),
  pid: z.number().int().nullable(),
  /** Loaded settings this process applies only after a restart. */
  restartNeeded: z.array(z.string()),
});
export type AdminHeartbeat = z.infer<typeof adminHeartbeatSchema>;

export const adminServiceSchema = z.object({
  id: z.string(),
  pm2: z.string().nullable(),
  /** The watch's 0–100 score; null when its report is stale or absent. */
  score: z.number().nullable(),
  status: z.union([healthStatusSchema, z.literal('unknown')]),
  heartbeat: adminHeartbeatSchema.nullable().describe('null: the component declares no heartbeat'),
  restarts: z.number().int().nullable(),
  memoryBytes: z.number().nullable(),
  recovery: z.object({ attempts: z.number().int(), failed: z.boolean(), lastAttemptAt: z.number().nullable() }).nullable(),
});
export type AdminServiceRow = z.infer<typeof adminServiceSchema>;

export const servicesViewSchema = z.object({
  watch: z.object({
    state: watchReportStateSchema,
    /** When the watch wrote its report (epoch ms); null when absent. */
    ts: z.number().nullable(),
    overall: z.object({ score: z.number(), status: healthStatusSchema }).nullable(),
  }),
  services: z.array(adminServiceSchema),
  redis: z.array(redisHealthSchema),
});
export type ServicesView = z.infer<typeof servicesViewSchema>;

export const truthChangeSchema = z.object({
  /** JSON path in the truth document, e.g. `components.sse.settings.keepaliveMs`. */
  path: z.string(),
  /** added: in the files, not loaded; removed: loaded, not in the files; changed: both, different. */
  change: z.enum(['added', 'removed', 'changed']),
  loaded: z.json().optional(),
  files: z.json().optional(),
});
export type TruthChange = z.infer<typeof truthChangeSchema>;

export const adminTruthViewSchema = z.object({
  version: z.string(),
  loadedAt: z.string().describe('ISO 8601'),
  node: z.record(z.string(), z.unknown()),
  components: z.array(z.string()),
  files: z.object({
    /** scripts/truth.json as `./admin build-truth` last wrote it: absent or unreadable on a host without the repo. */
    state: z.enum(['present', 'absent', 'unreadable']),
    version: z.string().nullable(),
    /** Differences loaded → files, capped at `TRUTH_DIFF_LIMIT`; `truncated` says when more were left out. */
    diff: z.array(truthChangeSchema),
    truncated: z.boolean(),
  }),
  restartNeeded: z.array(z.object({ component: z.string(), settings: z.array(z.string()) })),
});
export type AdminTruthView = z.infer<typeof adminTruthViewSchema>;

export const TRUTH_DIFF_LIMIT = 200;

/** Per topic stream: length, retention (maxlen) and producer position, and each live gateway's lag (the shared stream-lag view). */
export const streamsViewSchema = z.object({ streams: z.array(streamLagViewSchema) });
export type StreamsView = z.infer<typeof streamsViewSchema>;

export const adminGatewaySchema = gatewayPresenceSchema.omit({ cursors: true }).extend({ ageSec: z.number() });
export type AdminGateway = z.infer<typeof adminGatewaySchema>;

export const gatewaysViewSchema = z.object({ gateways: z.array(adminGatewaySchema) });
export type GatewaysView = z.infer<typeof gatewaysViewSchema>;

export const RECOVERY_VIEW_DEFAULT_LIMIT = 50;

export const recoveryQuerySchema = z.object({
  limit: z.coerce.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(RECOVERY_VIEW_DEFAULT_LIMIT),
});

export const recoveryViewSchema = z.object({
  actions: z.array(recoveryActionSchema),
  /** Per service: restarts in the current episode and whether the watch gave up on it. */
  states: z.record(z.string(), recoveryStateSchema),
});
export type RecoveryView = z.infer<typeof recoveryViewSchema>;

/**
 * A service the watch keeps recovery state for: a component or instance id (`journal`, `sse-2`, a
 * pm2 cluster worker `sse#6`) or its pm2 name (`fotw-sse-2`).
 */
export const recoveryServiceParamsSchema = z.object({
  service: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}(#\d{1,9})?$/, 'must be a service id such as journal, sse-2 or sse#6, or its pm2 name'),
});

/**
 * `POST /api/admin/recovery/:service/reset`, the page's form of `./admin status --reset`: the
 * failed mark and the attempts are cleared, so the watch may restart the service again.
 */
export const recoveryResetSchema = z.object({
  /** The service id the state is kept under (a pm2 name is resolved to it). */
  service: z.string(),
  /** False when the watch had no recovery state for it (nothing to clear, the reset is still logged). */
  existed: z.boolean(),
});
export type RecoveryReset = z.infer<typeof recoveryResetSchema>;

/** An account as admins see it: the user DTO, whether it is disabled, and how many live sessions it has. */
export const adminUserSchema = userDtoSchema.extend({ disabled: z.boolean(), sessions: z.number().int() });
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUsersViewSchema = z.object({ users: z.array(adminUserSchema) });
export type AdminUsersView = z.infer<typeof adminUsersViewSchema>;

export const adminUserResponseSchema = z.object({ user: adminUserSchema });

export const userIdParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a user id') });

export const roleBodySchema = z.strictObject({ role: roleSchema });
export type RoleBody = z.infer<typeof roleBodySchema>;

export const endedSessionsSchema = z.object({ ended: z.number().int() });
