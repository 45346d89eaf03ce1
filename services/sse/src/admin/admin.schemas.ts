import { z } from 'zod';
import { userDtoSchema } from '@marketswarm/shared/dto';
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

/** The loaded truth without secrets: its version, when it was loaded, the node settings and the component ids. */
export const truthViewSchema = z.object({
  version: z.string(),
  loadedAt: z.string().describe('ISO 8601'),
  node: z.record(z.string(), z.unknown()),
  components: z.array(z.string()),
});
export type TruthView = z.output<typeof truthViewSchema>;

export const usersViewSchema = z.object({ users: z.array(userDtoSchema) });
export type UsersView = z.output<typeof usersViewSchema>;
