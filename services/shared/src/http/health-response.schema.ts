import { z } from 'zod';

/** `GET /health` and `GET /api/health` of every service (HealthInfo plus what a service adds). */
export const healthResponseSchema = z.looseObject({
  status: z.literal('ok'),
  service: z.string(),
  version: z.string(),
  pid: z.number().int(),
  uptimeSec: z.number(),
  truthVersion: z.string().nullable(),
  restartNeeded: z.array(z.string()).optional().describe('loaded settings this process applies only after a restart'),
});
