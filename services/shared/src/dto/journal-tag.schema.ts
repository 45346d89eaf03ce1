import { z } from 'zod';
import { epochMsSchema } from './journal-common.schema.js';

/** REST contracts of tags (`/api/tags`); names are unique per user. */

export const TAG_NAME_MAX_LENGTH = 64;

const tagNameSchema = z.string().trim().min(1, 'must not be empty').max(TAG_NAME_MAX_LENGTH, `must be at most ${TAG_NAME_MAX_LENGTH} characters`);

export const tagBodySchema = z.strictObject({ name: tagNameSchema });
export type TagBody = z.infer<typeof tagBodySchema>;

export const tagSchema = z.object({ id: z.string(), name: z.string(), createdAt: epochMsSchema });
export type TagDto = z.infer<typeof tagSchema>;

export const tagListSchema = z.object({ tags: z.array(tagSchema) });
export type TagListDto = z.infer<typeof tagListSchema>;
