import type { z } from 'zod';
import { zodIssues } from '@marketswarm/shared/http';

/** The `error` message every channel's server map has: the client's message was refused, the socket stays open. */
export interface WsErrorMessage {
  type: 'error';
  message: string;
  path?: string;
}

export type ParsedClientMessage<In> = { ok: true; message: In } | { ok: false; error: WsErrorMessage };

/** One client frame → a message of the channel's map, or the error naming what is wrong with it. */
export function parseClientMessage<In>(data: Buffer | string, isBinary: boolean, schema: z.ZodType<In>): ParsedClientMessage<In> {
  if (isBinary) return { ok: false, error: { type: 'error', message: 'binary frames are not accepted: send one JSON text frame per message', path: '(root)' } };
  let json: unknown;
  try {
    json = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
  } catch (error) {
    return { ok: false, error: { type: 'error', message: `not JSON: ${(error as Error).message}`, path: '(root)' } };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issues = zodIssues(parsed.error);
  return { ok: false, error: { type: 'error', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), path: issues[0]?.path ?? '(root)' } };
}
