import type { TagDto } from '@marketswarm/shared/dto';
import type { Tag } from './tags.repository.js';

export function tagJson(tag: Tag): TagDto {
  return { id: tag.id, name: tag.name, createdAt: tag.createdAt };
}
