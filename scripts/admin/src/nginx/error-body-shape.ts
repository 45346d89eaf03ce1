import { STATUS_CODES } from 'node:http';
import { z } from 'zod';

/**
 * The documented error shape (docs/API.md, Conventions) as nginx answers it: never `issues`, and
 * always nginx's request id. The nginx specs read every nginx-made answer through this one schema.
 */
export const nginxErrorBodySchema = z
  .object({
    statusCode: z.number().int().min(400).max(599),
    error: z.string().min(1),
    message: z.string().min(1),
    requestId: z.string().regex(/^[0-9a-f]{32}$/, "must be nginx's $request_id"),
  })
  .strict()
  .refine((body) => body.error === STATUS_CODES[body.statusCode], { message: 'error must be the reason phrase of statusCode' });

export type NginxErrorBody = z.output<typeof nginxErrorBodySchema>;

/** Parses a body nginx answered with; throws naming what does not fit the shape. */
export function parseNginxErrorBody(text: string): NginxErrorBody {
  return nginxErrorBodySchema.parse(JSON.parse(text));
}
