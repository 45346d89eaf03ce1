import { STATUS_CODES } from 'node:http';
import { codeOfStatus, errorBodySchema } from '@marketswarm/shared/http';
import { z } from 'zod';

/**
 * The services' error shape (errorBodySchema, docs/API.md) as nginx answers it: never `issues`,
 * always nginx's own request id, and the status's own reason phrase and code. The nginx specs read
 * every answer nginx makes itself through this one schema.
 */
export const nginxErrorBodySchema = z
  .strictObject({
    ...errorBodySchema.omit({ issues: true, requestId: true }).shape,
    requestId: z.string().regex(/^[0-9a-f]{32}$/, "must be nginx's $request_id"),
  })
  .refine((body) => body.error === STATUS_CODES[body.statusCode], { message: 'error must be the reason phrase of statusCode' })
  .refine((body) => body.code === codeOfStatus(body.statusCode), { message: "code must be the status's own code" });

export type NginxErrorBody = z.output<typeof nginxErrorBodySchema>;

/** Parses a body nginx answered with; throws naming what does not fit the shape. */
export function parseNginxErrorBody(text: string): NginxErrorBody {
  return nginxErrorBodySchema.parse(JSON.parse(text));
}
