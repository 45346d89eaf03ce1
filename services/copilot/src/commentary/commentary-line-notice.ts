import { z } from 'zod';
import { commentarySchema, type CommentaryDto } from '@marketswarm/shared/dto';

/**
 * The wake-up one copilot publishes after storing a user's line that only it produced (a trigger, a
 * fired alert), so every other copilot can send it to that user's sockets there. It carries the line
 * itself (small, already validated) so a receiver need not read the list back; the stored list stays
 * the durable copy (`recent` on connect), the wake-up may be lost. `origin` is the publishing
 * instance, which has already sent the line to its own sockets and ignores its own wake-up.
 */
export const commentaryLineNoticeSchema = z.strictObject({
  origin: z.string().min(1),
  userId: z.string().min(1),
  item: commentarySchema,
});
export type CommentaryLineNotice = z.infer<typeof commentaryLineNoticeSchema>;

export function encodeLineNotice(origin: string, userId: string, item: CommentaryDto): string {
  return JSON.stringify({ origin, userId, item } satisfies CommentaryLineNotice);
}

/** The notice, or null for a message that is not one (another version's shape, or garbage on the channel). */
export function decodeLineNotice(raw: string): CommentaryLineNotice | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = commentaryLineNoticeSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
