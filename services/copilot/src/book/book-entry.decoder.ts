import type { z } from 'zod';
import { journalPositionSchema, savedPositionSchema, type JournalPosition, type SavedPositionDto } from '@marketswarm/shared/dto';
import { decodeEventText, formatEventIssues, type TopicName } from '@marketswarm/shared/events';

/** What one snapshot hash field of a user's book decoded to: the entries that passed, and why others did not. */
export interface DecodedBookEntry<T> {
  items: T[];
  problems: string[];
}

type BookTopic = Extract<TopicName, 'positions' | 'risk-graph'>;

const itemSchemas = {
  positions: journalPositionSchema,
  'risk-graph': savedPositionSchema,
} as const satisfies Record<BookTopic, z.ZodType>;

export type BookItem<T extends BookTopic> = T extends 'positions' ? JournalPosition : SavedPositionDto;

/**
 * Decodes the journal's latest event for one user on `positions` or `risk-graph` (the snapshot hash
 * field's text) into its list. Never throws: the envelope's contract only checks that each entry has
 * an id, so each entry is checked against the journal's full DTO, and one bad entry is dropped
 * rather than hiding the rest of the user's book. An envelope of another topic or another user is
 * refused whole: serving it would show a user someone else's positions.
 */
export function decodeBookEntry<T extends BookTopic>(topic: T, userId: string, text: string | null | undefined): DecodedBookEntry<BookItem<T>> {
  if (text === null || text === undefined) return { items: [], problems: [] };
  const decoded = decodeEventText(text);
  if (!decoded.ok) return { items: [], problems: [formatEventIssues(decoded.issues)] };
  const { event } = decoded;
  if (event.topic !== topic) return { items: [], problems: [`holds a "${event.topic}" event, not "${topic}"`] };
  if (event.user !== userId) return { items: [], problems: [`belongs to user "${event.user ?? '(none)'}", not "${userId}"`] };
  const list: unknown = event.data['positions'];
  if (!Array.isArray(list)) return { items: [], problems: ['data.positions is not a list'] };
  const schema = itemSchemas[topic];
  const items: BookItem<T>[] = [];
  const problems: string[] = [];
  list.forEach((raw: unknown, index) => {
    const parsed = schema.safeParse(raw);
    // The schema is the one chosen for T above; TypeScript cannot narrow the union through the lookup.
    if (parsed.success) items.push(parsed.data as BookItem<T>);
    else problems.push(`positions[${index}]: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'} ${issue.message}`).join('; ')}`);
  });
  return { items, problems };
}
