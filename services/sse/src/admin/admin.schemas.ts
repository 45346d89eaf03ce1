import { z } from 'zod';
import { heartbeatRecordSchema } from '@marketswarm/shared/heartbeat';

/** Stream counts and lag only: never a user id or a payload. */
export const connectionsViewSchema = z.object({
  total: z.number().int(),
  byRoute: z.record(z.string(), z.number().int()),
  connections: z.array(
    z.object({
      id: z.number().int(),
      route: z.string(),
      topics: z.array(z.string()),
      connectedAt: z.number().describe('epoch ms'),
      pendingBytes: z.number().int().describe('bytes queued for a client that reads slower than events arrive'),
    }),
  ),
});
export type ConnectionsView = z.output<typeof connectionsViewSchema>;

export const heartbeatStateSchema = z.enum(['fresh', 'stale', 'missing']);

export const heartbeatsViewSchema = z.object({
  services: z.array(z.object({ id: z.string(), state: heartbeatStateSchema, heartbeat: heartbeatRecordSchema.nullable() })),
});
export type HeartbeatsView = z.output<typeof heartbeatsViewSchema>;

/** The views the admin page reads are shared with the UI (@marketswarm/shared/dto); re-exported for the router. */
export {
  adminTruthViewSchema as truthViewSchema,
  adminUserResponseSchema,
  adminUsersViewSchema as usersViewSchema,
  endedSessionsSchema,
  gatewaysViewSchema,
  recoveryQuerySchema,
  recoveryResetSchema,
  recoveryServiceParamsSchema,
  recoveryViewSchema,
  roleBodySchema,
  servicesViewSchema,
  streamsViewSchema,
  userIdParamsSchema,
} from '@marketswarm/shared/dto';
